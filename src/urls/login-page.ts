/**
 * Whether an address is a sign-in page: where intranets, single sign-on (CAS, Shibboleth, SAML, ADFS,
 * Microsoft and Google accounts) and CMS back offices send a visitor who is not logged in. A public URL
 * that redirects there is behind a login, even when the login page itself answers 200.
 */
const LOGIN_HOSTS = /^(login|logon|signin|sso|idp|cas|auth|adfs|accounts)\.|^login\.microsoftonline\.com$|^accounts\.google\.com$/;
const LOGIN_PATH_SEGMENT =
  /^(login|log-in|logon|signin|sign-in|sign_in|sso|cas|saml|saml2|shibboleth|shibboleth\.sso|adfs|oauth|oauth2|authorize|authenticate|auth|wp-login\.php|login\.php|login\.aspx|my\.policy)$/;

export function looksLikeLoginPage(address: URL): boolean {
  if (LOGIN_HOSTS.test(address.hostname.toLowerCase())) return true;
  return address.pathname
    .toLowerCase()
    .split('/')
    .some((segment) => LOGIN_PATH_SEGMENT.test(safeDecode(segment)));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
