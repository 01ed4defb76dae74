import { looksLikeLoginPage } from '../../src/urls/login-page';

describe('looksLikeLoginPage', () => {
  it.each([
    'https://cas.univ-example.fr/cas/login?service=https%3A%2F%2Fintranet',
    'https://login.microsoftonline.com/common/oauth2/authorize',
    'https://accounts.google.com/ServiceLogin',
    'https://idp.example.edu/idp/profile/SAML2/Redirect/SSO',
    'https://www.example.edu/Shibboleth.sso/Login',
    'https://www.example.edu/wp-login.php?redirect_to=%2Fpolicy',
    'https://www.example.edu/user/login?destination=/node/12',
    'https://www.example.edu/users/sign_in',
  ])('%s is a sign-in page', (url) => {
    expect(looksLikeLoginPage(new URL(url))).toBe(true);
  });

  it.each([
    'https://www.example.edu/sustainability/energy-policy',
    'https://www.example.edu/en/news/logistics-2020',
    'https://www.example.edu/authors/smith',
    'https://catalogue.example.edu/blog/logins-explained',
  ])('%s is not', (url) => {
    expect(looksLikeLoginPage(new URL(url))).toBe(false);
  });
});
