// The login form both apps show: the trader's web app and the operators' console, each against its own server.
import {h} from 'preact';
import {useState} from 'preact/hooks';
import {login} from './api.js';

export function LoginPage({onLogin, title = 'Log in to Candor', doLogin = login}) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async event => {
    event.preventDefault();
    const form = new FormData(event.target);
    setBusy(true);
    setError('');
    try {
      onLogin(await doLogin(String(form.get('username')).trim().toLowerCase(), String(form.get('password'))));
    } catch (e) {
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };
  return h('main', {class: 'login', id: 'main'},
    h('h1', null, title),
    h('form', {onSubmit: submit, 'aria-describedby': 'login-error'},
      h('label', {for: 'username'}, 'Username'),
      h('input', {id: 'username', name: 'username', autocomplete: 'username', required: true, autofocus: true}),
      h('label', {for: 'password'}, 'Password'),
      h('input', {id: 'password', name: 'password', type: 'password', autocomplete: 'current-password',
        required: true}),
      h('p', {id: 'login-error', class: 'error', role: 'alert'}, error),
      h('button', {type: 'submit', disabled: busy}, busy ? 'Logging in…' : 'Log in')));
}
