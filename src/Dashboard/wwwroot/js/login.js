// Login form: posts JSON with the antiforgery header; shows wrong-password and lockout messages.
import { api, ApiFailure, $ } from './common.js';

const form = $('login-form');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = $('login-submit');
  const error = $('login-error');
  button.disabled = true;
  error.textContent = '';
  try {
    await api('/auth/login', { method: 'POST', body: { password: $('login-password').value } });
    // Only same-origin return targets: "//evil" and "/\\evil" would leave the site.
    const target = new URL(new URLSearchParams(location.search).get('ReturnUrl') ?? '/', location.origin);
    location.assign(target.origin === location.origin ? target.pathname + target.search : '/');
  } catch (failure) {
    error.textContent = failure instanceof ApiFailure ? failure.message : 'login failed: server unreachable';
    $('login-password').select();
  } finally {
    button.disabled = false;
  }
});
