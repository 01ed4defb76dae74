import { isLandingPage } from '../../src/checks/public-url-home-page';

/** impact-pack's own list of what a home or landing page looks like (heuristic home_page_not_public_evidence). */
describe('a URL is a home or landing page', () => {
  it.each([
    ['https://www.example.edu', true],
    ['https://www.example.edu/', true],
    ['http://example.edu/index.html', true],
    ['https://example.edu/en', true],
    ['https://example.edu/fr-fr/', true],
    ['https://example.edu/EN/Index.PHP', true],
    ['https://example.edu/home', true],
    ['https://example.edu/?utm_source=mail', true],
    ['https://example.edu/#news', true],
    ['https://example.edu/?page_id=48', false],
    ['https://example.edu/sustainability', false],
    ['https://example.edu/en/news/2025/solar-plant', false],
    ['https://example.edu/homepage-archive/report.pdf', false],
    ['ftp://example.edu/', false],
  ])('%s → %s', (url, expected) => {
    expect(isLandingPage(new URL(url))).toBe(expected);
  });
});
