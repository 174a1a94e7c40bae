// The login page: POST /api/login, then into the console. Errors are shown as text in place.
const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const submit = document.getElementById('login-submit');

function showError(message) {
  error.textContent = message;
  error.hidden = false;
}

if (location.hash === '#expired') showError('Your session ended. Log in again.');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const user = document.getElementById('user').value.trim();
  const password = document.getElementById('password').value;
  if (!user || !password) {
    showError('Enter your user name and password.');
    return;
  }
  submit.disabled = true;
  error.hidden = true;
  try {
    const response = await fetch('/api/login', {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Vigil-Console': '1'},
      body: JSON.stringify({user, password}),
    });
    if (response.ok) {
      location.assign('/console/');
      return;
    }
    const body = await response.json().catch(() => ({}));
    showError(response.status === 401 ? 'Wrong user name or password.'
      : (body.error || 'Login failed with HTTP ' + response.status + '.'));
  } catch (e) {
    showError('Vigil did not answer (' + e.message + ').');
  } finally {
    submit.disabled = false;
  }
});
