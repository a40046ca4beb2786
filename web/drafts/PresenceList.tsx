// Who else is in the draft now: a chip per co-editor in their delegation's
// colour, named in full on hover; nothing when one is alone.
import { useTranslation } from 'react-i18next';
import { initials, type Peer } from './presence.js';

export function PeerChip({ peer }: { peer: Peer }) {
  const { t } = useTranslation();
  return (
    <span className="peer" style={{ backgroundColor: peer.colour }} title={t('presence.inParagraph', { name: peer.name, delegation: peer.delegation })} data-peer={peer.delegation}>
      {initials(peer.name)}
    </span>
  );
}

export function PresenceList({ peers }: { peers: Peer[] }) {
  const { t } = useTranslation();
  if (peers.length === 0) return null;
  return (
    <span className="presence" aria-label={t('presence.label')}>
      <span className="muted small">{t('presence.label')}:</span>
      {peers.map((p) => (
        <span key={p.clientId} className="presence-person" data-person={p.name}>
          <span className="peer-dot" style={{ backgroundColor: p.colour }} />
          {p.name} <span className="muted small">({p.delegation})</span>
        </span>
      ))}
    </span>
  );
}
