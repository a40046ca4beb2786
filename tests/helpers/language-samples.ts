// Real resolution sentences in the six official languages, as the UN's AKN
// files give them: A/RES/80/229 PP 6, 14, 15 and OP 1, 79, with the sub-items
// of A/RES/80/161 OP 2 (A/RES/80/15 OP 5 in French), and the closing lines of
// A/RES/80/104. Shared by the import and the Akoma Ntoso tests.
import type { Language } from '../../core/model.js';

export interface Sample {
  formula: string;
  /** [lead, text] of three preambular paragraphs. */
  pps: [string, string][];
  /** [lead, text] of three operative paragraphs; the second has sub-items. */
  ops: [string, string][];
  items: string[];
  /** How an operative paragraph's number is printed. */
  number: (n: number) => string;
  meeting: string;
  date: string;
}

export const SAMPLES: Record<Language, Sample> = {
  zh: {
    formula: '大会，',
    pps: [
      ['重申', '重申其关于可持续发展目标背景下的法治、预防犯罪和刑事司法的2018年12月17日第73/185号决议，'],
      ['回顾', '回顾其关于可持续发展背景下的教育促进司法和法治的2019年12月18日第74/172号决议，'],
      ['又回顾', '又回顾其2024年3月21日第78/267号决议宣布11月15日为预防和打击一切形式跨国有组织犯罪国际日、2025年3月4日第79/266号决议宣布每年7月25日为司法福祉国际日，'],
    ],
    ops: [
      ['表示赞赏地注意到', '表示赞赏地注意到秘书长依照第78/229号决议编写的报告；'],
      ['赞扬', '赞扬委员会核准或通过了以下文书：'],
      ['决定', '决定在大会第八十二届会议上审议加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力的问题。'],
    ],
    items: [
      '(a) 在国际货物运输和销售及贸易融资领域，可转让货物单证公约草案；',
      '(b) 在破产法领域，《破产程序中的资产追查和追回：贸易法委员会工具包和背景说明》；',
      '(c) 在投资人与国家间争端解决制度改革领域，《贸易法委员会国际投资争端预防和缓解工具包》；',
    ],
    number: (n) => `${n}．`,
    meeting: '第55次全体会议',
    date: '2025年12月5日',
  },
  en: {
    formula: 'The General Assembly,',
    pps: [
      ['Reaffirming', 'Reaffirming its resolution 73/185 of 17 December 2018 on the rule of law, crime prevention and criminal justice in the context of the Sustainable Development Goals,'],
      ['Recalling', 'Recalling its resolution 74/172 of 18 December 2019 on Education for Justice and the rule of law in the context of sustainable development,'],
      ['Recalling also', 'Recalling also its resolution 78/267 of 21 March 2024 declaring 15 November the International Day for the Prevention and Fight against All Forms of Transnational Organized Crime,'],
    ],
    ops: [
      ['Takes note with appreciation', 'Takes note with appreciation of the report of the Secretary-General prepared pursuant to resolution 78/229;'],
      ['Commends', 'Commends the Commission for the approval or adoption of:'],
      ['Decides', 'Decides to consider the question of strengthening the United Nations crime prevention and criminal justice programme, in particular its technical cooperation capacity, at its eighty-second session.'],
    ],
    items: [
      '(a) In the area of international transport and sale of goods and trade finance, the draft convention on negotiable cargo documents;',
      '(b) In the area of insolvency law, the Asset Tracing and Recovery in Insolvency Proceedings: UNCITRAL Toolkit and Background Notes;',
      '(c) In the area of investor-State dispute settlement reform, the UNCITRAL Toolkit on Prevention and Mitigation of International Investment Disputes;',
    ],
    number: (n) => `${n}.`,
    meeting: '55th plenary meeting',
    date: '5 December 2025',
  },
  fr: {
    formula: 'L’Assemblée générale,',
    pps: [
      ['Réaffirmant', 'Réaffirmant les dispositions de sa résolution 73/185 du 17 décembre 2018, intitulée « État de droit, prévention du crime et justice pénale dans le contexte des objectifs de développement durable »,'],
      ['Rappelant', 'Rappelant sa résolution 74/172 du 18 décembre 2019, intitulée « Éducation à la justice et à l’état de droit dans le contexte du développement durable »,'],
      ['Rappelant également', 'Rappelant également sa résolution 78/267 du 21 mars 2024 dans laquelle elle a proclamé le 15 novembre Journée internationale de la prévention de toutes les formes de criminalité transnationale organisée et de la lutte contre ce fléau,'],
    ],
    ops: [
      ['Prend note avec satisfaction', 'Prend note avec satisfaction du rapport du Secrétaire général établi en application de sa résolution 78/229 ;'],
      ['Engage', 'Engage les États membres de l’Organisme pour l’interdiction des armes nucléaires en Amérique latine et dans les Caraïbes à poursuivre l’action qu’ils mènent avec lui et notamment à :'],
      ['Décide', 'Décide d’examiner la question du renforcement du programme des Nations Unies pour la prévention du crime et la justice pénale, surtout de ses capacités de coopération technique, à sa quatre-vingt-deuxième session.'],
    ],
    items: [
      'a) appuyer les efforts réalisés dans un contexte multilatéral pour définir des mesures efficaces qui encouragent le respect des engagements pris dans les domaines du désarmement et de la non-prolifération ;',
      'b) renforcer la coopération avec les États Parties aux traités portant création de zones exemptes d’armes nucléaires, les États signataires et la Mongolie ;',
      'c) promouvoir des activités d’éducation en matière de désarmement et de non‑prolifération ;',
    ],
    number: (n) => `${n}.`,
    meeting: '55e séance plénière',
    date: '5 décembre 2025',
  },
  es: {
    formula: 'La Asamblea General,',
    pps: [
      ['Reafirmando', 'Reafirmando su resolución 73/185, de 17 de diciembre de 2018, relativa al estado de derecho, la prevención del delito y la justicia penal en el contexto de los Objetivos de Desarrollo Sostenible,'],
      ['Recordando', 'Recordando su resolución 74/172, de 18 de diciembre de 2019, relativa a la iniciativa Educación para la Justicia y el estado de derecho en el contexto del desarrollo sostenible,'],
      ['Recordando también', 'Recordando también su resolución 78/267, de 21 de marzo de 2024, en la que se declaró el 15 de noviembre Día Internacional para Prevenir y Combatir Todas las Formas de Delincuencia Organizada Transnacional,'],
    ],
    ops: [
      ['Toma nota con aprecio', 'Toma nota con aprecio del informe del Secretario General preparado de conformidad con la resolución 78/229;'],
      ['Encomia', 'Encomia a la Comisión por haber aprobado o adoptado:'],
      ['Decide', 'Decide examinar en su octogésimo segundo período de sesiones la cuestión del fortalecimiento del programa de las Naciones Unidas en materia de prevención del delito y justicia penal, en particular su capacidad de cooperación técnica.'],
    ],
    items: [
      'a) En la esfera del transporte y la venta internacionales de mercancías y la financiación del comercio, el proyecto de convención sobre documentos de carga negociables;',
      'b) En la esfera del régimen de la insolvencia, el Conjunto de Herramientas y Notas de Antecedentes de la CNUDMI sobre la Localización y Recuperación de Bienes en Procedimientos de Insolvencia;',
      'c) En la esfera de la reforma del sistema de solución de controversias entre inversionistas y Estados, el Conjunto de Herramientas de la CNUDMI sobre Prevención y Mitigación de Controversias Internacionales relativas a Inversiones;',
    ],
    number: (n) => `${n}.`,
    meeting: '55a sesión plenaria',
    date: '5 de diciembre de 2025',
  },
  ru: {
    formula: 'Генеральная Ассамблея,',
    pps: [
      ['подтверждая', 'подтверждая свою резолюцию 73/185 от 17 декабря 2018 года по вопросам верховенства права, предупреждения преступности и уголовного правосудия в контексте целей в области устойчивого развития,'],
      ['ссылаясь', 'ссылаясь на свою резолюцию 74/172 от 18 декабря 2019 года об образовании в области правосудия и верховенства права в контексте устойчивого развития,'],
      ['ссылаясь также', 'ссылаясь также на свою резолюцию 78/267 от 21 марта 2024 года об объявлении 15 ноября Международным днем предупреждения всех форм транснациональной организованной преступности и борьбы с ними,'],
    ],
    ops: [
      ['с признательностью принимает к сведению', 'с признательностью принимает к сведению доклад Генерального секретаря, подготовленный во исполнение резолюции 78/229;'],
      ['выражает признательность', 'выражает признательность Комиссии за утверждение и принятие:'],
      ['постановляет', 'постановляет рассмотреть на своей восемьдесят второй сессии вопрос об укреплении программы Организации Объединенных Наций в области предупреждения преступности и уголовного правосудия, в особенности ее потенциала в сфере технического сотрудничества.'],
    ],
    items: [
      'a) в сфере международных перевозок и продажи товаров и финансирования торговли — проекта конвенции об оборотных грузовых документах;',
      'b) в сфере законодательства о несостоятельности — документа «Отслеживание и возвращение активов в рамках производства по делам о несостоятельности: инструментарий и справочные материалы, подготовленные ЮНСИТРАЛ»;',
      'c) в сфере реформирования системы урегулирования споров между инвесторами и государствами — Методического пособия ЮНСИТРАЛ по предупреждению международных инвестиционных споров и примирению;',
    ],
    number: (n) => `${n}.`,
    meeting: '55‑е пленарное заседание',
    date: '5 декабря 2025 года',
  },
  ar: {
    formula: 'إن الجمعية العامة،',
    pps: [
      ['وإذ تعيد تأكيد', 'وإذ تعيد تأكيد قرارها 73/185 المؤرخ 17 كانون الأول/ديسمبر 2018 بشأن سيادة القانون ومنع الجريمة والعدالة الجنائية في سياق أهداف التنمية المستدامة،'],
      ['وإذ تشير', 'وإذ تشير إلى قرارها 74/172 المؤرخ 18 كانون الأول/ديسمبر 2019 المتعلق بالتعليم من أجل العدالة وسيادة القانون في سياق التنمية المستدامة،'],
      ['وإذ تشير أيضا', 'وإذ تشير أيضا إلى قرارها 78/267 المؤرخ 21 آذار/مارس 2024 الذي أُعلن بموجبه يوم 15 تشرين الثاني/نوفمبر يوماً دولياً لمنع ومكافحة جميع أشكال الجريمة المنظمة عبر الوطنية،'],
    ],
    ops: [
      ['تحيط علما مع التقدير', 'تحيط علما مع التقدير بتقرير الأمين العام الذي أُعد عملا بالقرار 78/229؛'],
      ['تثني', 'تثني على اللجنة لإقرارها أو اعتمادها لما يلي:'],
      ['تقرر', 'تقرر أن تنظر في دورتها الثانية والثمانين في مسألة تعزيز برنامج الأمم المتحدة لمنع الجريمة والعدالة الجنائية، لا سيما قدراته في مجال التعاون التقني.'],
    ],
    items: [
      '(أ) في مجال النقل الدولي وبيع البضائع وتمويل التجارة، مشروع الاتفاقية المتعلقة بمستندات الشحن القابلة للتداول؛',
      '(ب) في مجال قانون الإعسار، النصان المتعلقان بـ ”تتبع الموجودات واستردادها في إجراءات الإعسار: مجموعة أدوات وملاحظات أساسية صادرة عن الأونسيترال“؛',
      '(ج) في مجال إصلاح نظام تسوية المنازعات بين المستثمرين والدول: مجموعة أدوات الأونسيترال بشأن درء المنازعات الاستثمارية الدولية والتخفيف من حدتها؛',
    ],
    number: (n) => `${n} -`,
    meeting: 'الجلسة العامة 55',
    date: '5 كانون الأول/ديسمبر 2025',
  },
};

