import type { Translation } from '../../../platform/i18n';
import type { notificationMessages } from './notifications.messages';

// Українська (Ukrainian): the residents' texts of ./notifications.messages.ts. What is missing shows German; list it with
// `npm run i18n:missing -- uk` (docs/i18n.md).
export const uk: Translation<typeof notificationMessages> = {
  'mail.updateSubject': 'Новини щодо звернення #{id}',
  'mail.updateIntro': 'Добрий день!\n\nЩодо звернення #{id} «{category}» є новини:',
  'mail.updateState': 'Поточний стан: {status}',
  'mail.updateLink': 'Переглянути звернення: {link}',
  'mail.updateWhy':
    'Ви отримуєте цей лист, бо стежите за цим зверненням. Кілька змін протягом 10 хвилин ми об’єднуємо в один лист. Більше не отримувати листів щодо цього звернення:',
  'mail.englishBelow': '(English version below)',
  'mail.greeting': 'З повагою\n{city}',
  'mail.questionSubject': 'Чи проблему усунуто? Звернення #{id}',
  'mail.questionBody':
    'Добрий день!\n\nМісто позначило ваше звернення #{id} «{category}» як виконане {date}. Чи проблему справді усунуто?\n\nВаша відповідь допомагає нам ставати кращими. Достатньо одного кліку, входити в обліковий запис не потрібно (посилання діє до {until}):\n{link}\n\nЯкщо ви відповісте «Ні», ми знову відкриємо звернення.',
  'mail.event.questionnaire.yes': 'Людина, яка надіслала звернення, підтверджує: проблему усунуто.',
  'mail.event.questionnaire.no': 'Людина, яка надіслала звернення, каже: проблему не усунуто.',
  'mail.event.questionnaire.unknown': 'Людина, яка надіслала звернення, не знає, чи проблему усунуто.',
  unsubscribeTitle: 'Відписатися від листів щодо звернення',
  unsubscribeText: 'Ви отримуєте лист, коли щодо звернення #{id} щось змінюється. Бажаєте відписатися від цих листів?',
  unsubscribeButton: 'Більше не надсилати листів щодо цього звернення',
  unsubscribedTitle: 'Ви відписалися',
  unsubscribedText: 'Ви більше не отримуватимете листів щодо звернення #{id}.',
  unsubscribeGoneTitle: 'Це посилання більше не діє',
  unsubscribeGoneText: 'Посилання невідоме, або ви вже відписалися від листів. Більше нічого робити не потрібно.',
  toReport: 'До звернення #{id}',
  toHome: 'На головну сторінку',
  qTitle: 'Чи проблему усунуто?',
  qIntro: 'Місто позначило звернення #{id} «{category}» як виконане {date}. Будь ласка, скажіть нам, чи це так.',
  qLegend: 'Чи проблему усунуто?',
  qYes: 'Так, її усунуто',
  qNo: 'Ні, її не усунуто',
  qUnknown: 'Я не знаю',
  qComment: 'Що ще не гаразд?',
  qCommentHint: 'Особливо якщо ви відповідаєте «Ні». Щонайбільше {max} знаків.',
  qSend: 'Надіслати відповідь',
  qPrivacy: 'Вашу відповідь буде зазначено біля звернення; ваш текст бачить лише міська адміністрація. Будь ласка, не вказуйте особистих даних інших людей.',
  qGoneTitle: 'Це опитування завершено',
  qGoneText: 'Термін дії посилання минув, воно невідоме або його вже використано. Дякуємо, що хотіли приділити цьому час!',
  qThanksTitle: 'Дякуємо за вашу відповідь',
  qThanksYes: 'Добре, що проблему усунуто.',
  qThanksNo: 'Ми знову відкрили звернення #{id}; відповідальна служба ним займеться. Ви отримаєте лист, коли щось зміниться.',
  qThanksUnknown: 'Дякуємо, ми зазначили вашу відповідь.',
  'err.answer': 'Будь ласка, виберіть відповідь: «Так», «Ні» або «Я не знаю».',
  'err.commentTooLong': 'Будь ласка, скоротіть свій текст до {max} знаків.',
  errorSummaryTitle: 'Виникла проблема',
};
