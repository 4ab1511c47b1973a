/**
 * The calendar's lines of tenant-isolation.test.ts. The calendar takes no
 * object id: its one path parameter is the feed's secret token, which is the
 * key itself (an unknown, rotated or revoked one answers 404; calendar.test.ts
 * checks that and that a feed shows only its owner's organization). What must
 * hold here: A's calendar, overdue items included, never shows B's dated work
 * (B's legal obligation, control check, documents… are among B's values).
 */
const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

export const CALENDAR_LISTS = [
  `/api/v1/calendar?from=${day(-30)}&to=${day(369)}&overdue=true`,
  `/api/v1/calendar?from=${day(-30)}&to=${day(369)}&area=legal`,
  '/api/v1/calendar/feed',
];

/** Path parameters of the calendar that name no object (see above). */
export const CALENDAR_NOT_OBJECT_IDS = ['GET /api/v1/calendar/feed/:file'];
