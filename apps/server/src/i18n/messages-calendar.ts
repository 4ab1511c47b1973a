/**
 * Problem texts of the calendar (spread into messages.ts); both locales hold
 * the same keys (a test checks).
 */
export const calendarMessages = {
  en: {
    calendar_range_reversed: 'The end of the range comes before its start.',
    calendar_range_too_long: 'Ask for at most {max} days at a time.',
    calendar_feed_not_for_role: 'Read-only accounts cannot have a calendar feed.',
  },
  ja: {
    calendar_range_reversed: '期間の終わりが始まりより前になっています。',
    calendar_range_too_long: '一度に指定できる期間は {max} 日までです。',
    calendar_feed_not_for_role: '閲覧専用のアカウントではカレンダー配信を作成できません。',
  },
};
