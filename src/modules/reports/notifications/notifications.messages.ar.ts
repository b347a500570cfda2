import type { Translation } from '../../../platform/i18n';
import type { notificationMessages } from './notifications.messages';

// العربية (Arabic): the residents' texts of ./notifications.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- ar` (docs/i18n.md). Texts typed by staff (categories) are isolated as first strong
// (\u2068 … \u2069).
export const ar: Translation<typeof notificationMessages> = {
  'mail.updateSubject': 'مستجدات حول البلاغ رقم {id}',
  'mail.updateIntro': 'مرحبًا،\n\nهناك مستجدات حول البلاغ رقم {id} «\u2068{category}\u2069»:',
  'mail.updateState': 'الحالة الحالية: \u2068{status}\u2069',
  'mail.updateLink': 'عرض البلاغ: {link}',
  'mail.updateWhy': 'تصلك هذه الرسالة لأنك تتابع هذا البلاغ. نجمع التغييرات المتعددة خلال 10 دقائق في رسالة واحدة. لإيقاف الرسائل بشأن هذا البلاغ:',
  'mail.englishBelow': '(النسخة الإنجليزية أدناه)',
  'mail.greeting': 'مع أطيب التحيات\n{city}',
  'mail.questionSubject': 'هل حُلّت المشكلة؟ البلاغ رقم {id}',
  'mail.questionBody':
    'مرحبًا،\n\nوضعت البلدية على بلاغك رقم {id} «\u2068{category}\u2069» علامة «تمّت المعالجة» بتاريخ {date}. هل حُلّت المشكلة فعلًا؟\n\nإجابتك تساعدنا على التحسّن. تكفي نقرة واحدة، ولا حاجة إلى تسجيل الدخول (الرابط صالح حتى {until}):\n{link}\n\nإذا أجبت بـ«لا»، فسنعيد فتح البلاغ.',
  'mail.event.questionnaire.yes': 'يؤكد الشخص المُبلِّغ: المشكلة حُلّت.',
  'mail.event.questionnaire.no': 'يقول الشخص المُبلِّغ: المشكلة لم تُحلّ.',
  'mail.event.questionnaire.unknown': 'لا يعرف الشخص المُبلِّغ إن كانت المشكلة قد حُلّت.',
  unsubscribeTitle: 'إلغاء الاشتراك في الرسائل حول بلاغ',
  unsubscribeText: 'تصلك رسالة عندما يتغير شيء في البلاغ رقم {id}. هل تريد إيقاف هذه الرسائل؟',
  unsubscribeButton: 'لا مزيد من الرسائل حول هذا البلاغ',
  unsubscribedTitle: 'تم إلغاء الاشتراك',
  unsubscribedText: 'لن تصلك بعد الآن رسائل حول البلاغ رقم {id}.',
  unsubscribeGoneTitle: 'هذا الرابط لم يعد صالحًا',
  unsubscribeGoneText: 'الرابط غير معروف، أو أن الرسائل أُوقفت من قبل. لا داعي لفعل أي شيء آخر.',
  toReport: 'إلى البلاغ رقم {id}',
  toHome: 'إلى الصفحة الرئيسية',
  qTitle: 'هل حُلّت المشكلة؟',
  qIntro: 'وضعت البلدية على البلاغ رقم {id} «\u2068{category}\u2069» علامة «تمّت المعالجة» بتاريخ {date}. يرجى إخبارنا إن كان ذلك صحيحًا.',
  qLegend: 'هل حُلّت المشكلة؟',
  qYes: 'نعم، حُلّت',
  qNo: 'لا، لم تُحلّ',
  qUnknown: 'لا أعرف',
  qComment: 'ما الذي ما زال غير سليم؟',
  qCommentHint: 'خاصةً إذا أجبت بـ«لا». {max} حرف كحد أقصى.',
  qSend: 'إرسال الإجابة',
  qPrivacy: 'تُسجَّل إجابتك في البلاغ؛ أما نصّك فلا يراه إلا موظفو البلدية. يرجى عدم ذكر بيانات شخصية لأشخاص آخرين.',
  qGoneTitle: 'انتهى هذا الاستطلاع',
  qGoneText: 'انتهت صلاحية الرابط، أو أنه غير معروف، أو استُخدم من قبل. شكرًا لرغبتك في تخصيص وقتك لنا!',
  qThanksTitle: 'شكرًا على إجابتك',
  qThanksYes: 'يسعدنا أن المشكلة قد حُلّت.',
  qThanksNo: 'أعدنا فتح البلاغ رقم {id}؛ وستتولى الجهة المختصة أمره. ستصلك رسالة عندما يتغير شيء.',
  qThanksUnknown: 'شكرًا، لقد سجّلنا إجابتك.',
  'err.answer': 'يرجى اختيار إجابة: «نعم» أو «لا» أو «لا أعرف».',
  'err.commentTooLong': 'يرجى اختصار نصّك إلى {max} حرف كحد أقصى.',
  errorSummaryTitle: 'هناك مشكلة',
};
