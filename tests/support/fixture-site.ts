/** The public articles of the fixture site (tests/fixtures/site/articles), newest first, as their URL paths; the draft is not among them. */
export const PUBLIC_ARTICLES = [
  "/2024/11/05/ferry-figures-explained/",
  "/2024/10/20/ferry-timetable/",
  "/2024/10/02/moved-story/",
  "/2023/05/17/arabic-bulletin/",
  "/2021/02/08/corrected-report/",
  "/2019/05/02/harbour-light-returns/",
  "/2016/06/14/late-evening-filing/",
  "/2016/06/14/morning-briefing/",
  "/2016/06/03/early-june-notice/",
  "/2015/03/09/night-ferry-returns/",
  "/2014/11/20/feeds-required-only/",
  "/2013/07/04/feeds-hostile-text/",
  "/2013/07/04/harbour-exhibition-zh/",
];
