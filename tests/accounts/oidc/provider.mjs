// A real OpenID provider (the npm package oidc-provider) for the single sign-on tests.
//
// Environment: QD_TEST_OIDC_REDIRECT_URIS and QD_TEST_OIDC_POST_LOGOUT_URIS (comma lists),
// QD_TEST_OIDC_CLIENT_ID / _SECRET, QD_TEST_OIDC_PORT (default: one the system chooses).
// Prints "ready <issuer>" once it listens. Until a test names someone, a sign-in is the
// try-out person below (README, "Sign-in with OpenID Connect"). Besides the provider's own routes it answers, for the tests only:
//   POST /test/login  {sub, claims, amr, acr}: who the next sign-in is (no login form)
//   POST /test/mode   {mode}: how the token endpoint's ID token is altered on its way:
//        normal | wrong-key | wrong-audience | wrong-nonce | wrong-issuer | expired | unsigned
//   GET  /test/end-sessions: the end-session requests received so far
import http from 'node:http';
import { Provider } from 'oidc-provider';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair } from 'jose';

const env = process.env;
const list = (value) => (value || '').split(',').map((item) => item.trim()).filter(Boolean);
const KID = 'qd-test-key';

const realKey = await generateKeyPair('RS256', { extractable: true });
const rogueKey = await generateKeyPair('RS256', { extractable: true });
const privateJwk = { ...(await exportJWK(realKey.privateKey)), kid: KID, alg: 'RS256', use: 'sig' };

let nextLogin = {
  sub: 'try-out',
  claims: { email: 'sso.probe@example.org', email_verified: true, given_name: 'Sina', family_name: 'Probe' },
  amr: ['pwd'],
  acr: undefined,
};
let accounts = {};
let mode = 'normal';
const endSessions = [];

const server = http.createServer();
await new Promise((resolve) => server.listen(Number(env.QD_TEST_OIDC_PORT || 0), 'localhost', resolve));
const issuer = `http://localhost:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: env.QD_TEST_OIDC_CLIENT_ID || 'qd-test',
    client_secret: env.QD_TEST_OIDC_CLIENT_SECRET || 'qd-test-secret',
    redirect_uris: list(env.QD_TEST_OIDC_REDIRECT_URIS),
    post_logout_redirect_uris: list(env.QD_TEST_OIDC_POST_LOGOUT_URIS),
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  jwks: { keys: [privateJwk] },
  cookies: { keys: ['qd-test-cookie-key'] },
  claims: {
    acr: null,
    amr: null,
    auth_time: null,
    sid: null,
    iss: null,
    openid: ['sub', 'acr', 'amr', 'auth_time'],
    email: ['email', 'email_verified'],
    profile: ['given_name', 'family_name', 'name'],
    qd: ['employee_number', 'org_unit', 'roles', 'department', 'groups', 'personalnummer'],
  },
  scopes: ['openid', 'email', 'profile', 'qd'],
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, sub) {
    const account = accounts[sub];
    if (!account) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...account.claims }) };
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = `<!DOCTYPE html><title>error</title><p id="error">${out.error}: ${out.error_description}</p>`;
  },
  async logoutSource(ctx, form) {
    ctx.body = `<!DOCTYPE html><title>logout</title>${form}<button form="op.logoutForm" name="logout" value="yes">yes</button>`;
  },
});

// The test client's sign-in: no form, the account the test named last.
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    accounts[nextLogin.sub] = nextLogin;
    const login = { accountId: nextLogin.sub, remember: false };
    if (nextLogin.amr) login.amr = nextLogin.amr;
    if (nextLogin.acr) login.acr = nextLogin.acr;
    await provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
    return;
  }
  const grant = new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function altered(idToken) {
  const payload = decodeJwt(idToken);
  const now = Math.floor(Date.now() / 1000);
  const sign = (claims, key) => new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' }).sign(key);
  switch (mode) {
    case 'wrong-key': return sign(payload, rogueKey.privateKey);
    case 'wrong-audience': return sign({ ...payload, aud: 'another-client' }, realKey.privateKey);
    case 'wrong-nonce': return sign({ ...payload, nonce: 'not-this-sign-in' }, realKey.privateKey);
    case 'wrong-issuer': return sign({ ...payload, iss: 'http://localhost:1' }, realKey.privateKey);
    case 'expired': return sign({ ...payload, iat: now - 7200, exp: now - 3600 }, realKey.privateKey);
    case 'unsigned': {
      const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
      return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
    }
    default: return idToken;
  }
}

// Alters the ID token in the token endpoint's answer (a man in the middle, in effect).
function alterTokenResponse(res) {
  const end = res.end.bind(res);
  res.end = (chunk, ...rest) => {
    if (!chunk) return end(chunk, ...rest);
    (async () => {
      const body = JSON.parse(chunk.toString());
      if (body.id_token) body.id_token = await altered(body.id_token);
      const text = JSON.stringify(body);
      res.setHeader('content-length', Buffer.byteLength(text));
      end(text);
    })();
    return res;
  };
}

async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : {};
}

function answer(res, value) {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(value));
}

const handle = provider.callback();
server.on('request', async (req, res) => {
  const url = new URL(req.url, issuer);
  try {
    if (url.pathname === '/test/login') {
      const body = await readJson(req);
      nextLogin = { sub: body.sub, claims: body.claims || {}, amr: body.amr, acr: body.acr };
      accounts[body.sub] = nextLogin;
      return answer(res, { ok: true });
    }
    if (url.pathname === '/test/mode') {
      mode = (await readJson(req)).mode || 'normal';
      return answer(res, { mode });
    }
    if (url.pathname === '/test/end-sessions') return answer(res, endSessions);
    if (url.pathname.startsWith('/interaction/')) return await interaction(req, res);
    if (url.pathname === '/session/end') endSessions.push(Object.fromEntries(url.searchParams));
    if (url.pathname === '/token' && mode !== 'normal') alterTokenResponse(res);
    return handle(req, res);
  } catch (error) {
    res.statusCode = 500;
    res.end(String(error && error.stack));
  }
});

process.stdout.write(`ready ${issuer}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
