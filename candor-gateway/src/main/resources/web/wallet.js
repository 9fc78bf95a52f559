// The allow-list of withdrawal addresses: money leaves only for an address added here in advance, and a new
// address can be used only after its time lock (24 h unless operators set another), so whoever takes over an
// account cannot send its money to themselves at once. The user is told of every address added.
import {h} from 'preact';
import {useState} from 'preact/hooks';
import {api, formatTime} from './api.js';

// Labels are the user's own names for addresses; the engine keeps only the address, so they stay in this browser.
const LABELS_KEY = 'candor.addressLabels';
const LABEL_CHARS_MAX = 40;

export function loadLabels() {
  try {
    return JSON.parse(localStorage.getItem(LABELS_KEY) || '{}');
  } catch (e) {
    return {};
  }
}

function saveLabel(id, label) {
  const labels = loadLabels();
  if (label) labels[id] = label; else delete labels[id];
  localStorage.setItem(LABELS_KEY, JSON.stringify(labels));
}

// "24 h", "90 min", "at once": a time lock in the words the page uses.
export function duration(ms) {
  if (ms <= 0) return 'at once';
  if (ms % 3600000 === 0) return (ms / 3600000) + ' h';
  return Math.ceil(ms / 60000) + ' min';
}

// What the engine takes (printable ASCII without spaces, 1 to 100 bytes), checked before sending.
function addressProblem(text) {
  if (!text) return 'Enter the address.';
  if (text.length > 100) return 'At most 100 characters.';
  if (!/^[\x21-\x7e]+$/.test(text)) return 'Letters, digits and punctuation only, no spaces.';
  return '';
}

export function AddressBook({addresses, assets, reload}) {
  const [asset, setAsset] = useState(assets[0] ? assets[0].asset : '');
  const [label, setLabel] = useState('');
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState('');
  const [message, setMessage] = useState(null);
  const labels = loadLabels();
  const lock = assets.find(a => a.asset === asset);
  const add = async event => {
    event.preventDefault();
    setMessage(null);
    const text = address.trim();
    const wrong = addressProblem(text) || (label.length > LABEL_CHARS_MAX ? 'A label has at most ' + LABEL_CHARS_MAX + ' characters.' : '');
    setProblem(wrong);
    if (wrong) return;
    try {
      const added = await api('POST', '/web/v1/withdrawal-addresses', {asset, address: text});
      saveLabel(added.id, label.trim());
      setMessage({ok: true, text: 'Address ' + added.id + ' added. ' + (added.usable ? 'It can be used now.' :
        'It can be used from ' + formatTime(added.usableFrom) + '.')});
      setAddress('');
      setLabel('');
      reload();
    } catch (e) {
      setMessage({ok: false, text: e.message});
    }
  };
  const remove = async a => {
    try {
      await api('DELETE', '/web/v1/withdrawal-addresses/' + a.id);
      saveLabel(a.id, '');
      setMessage({ok: true, text: 'Address ' + a.id + ' removed.'});
      reload();
    } catch (e) {
      setMessage({ok: false, text: e.message});
    }
  };
  return h('section', {class: 'address-book', 'aria-labelledby': 'addresses-title'},
    h('h2', {id: 'addresses-title'}, 'Withdrawal addresses'),
    h('p', {class: 'time-lock-explained', id: 'time-lock-explained'}, 'Money can only be withdrawn to an address on this list. ',
      'New addresses can be used after ' + (lock ? duration(lock.timeLockMs) : '24 h') + '; this protects you if someone takes over your account.'),
    h('form', {class: 'address-form', onSubmit: add, noValidate: true},
      h('label', {for: 'address-asset'}, 'Asset'),
      h('select', {id: 'address-asset', value: asset, onChange: e => setAsset(e.target.value)},
        assets.map(a => h('option', {value: a.asset, key: a.asset}, a.asset))),
      h('label', {for: 'address-label'}, 'Label (your own name for it, kept in this browser)'),
      h('input', {id: 'address-label', value: label, maxlength: LABEL_CHARS_MAX, onInput: e => setLabel(e.target.value)}),
      h('label', {for: 'address-text'}, 'Address'),
      h('input', {id: 'address-text', value: address, autocomplete: 'off', spellcheck: false, 'aria-invalid': problem ? 'true' : 'false',
        'aria-describedby': 'address-problem', onInput: e => setAddress(e.target.value)}),
      h('p', {class: 'error field-error', id: 'address-problem', role: 'alert'}, problem),
      h('button', {type: 'submit'}, 'Add address')),
    message && h('p', {class: message.ok ? 'ok' : 'error', role: message.ok ? 'status' : 'alert', id: 'address-result'}, message.text),
    addresses.length === 0 ? h('p', {class: 'empty'}, 'No addresses yet.') :
      h('table', {class: 'addresses'},
        h('thead', null, h('tr', null, ['Asset', 'Label', 'Address', 'Added', 'Usable', 'Action'].map(t => h('th', {scope: 'col', key: t}, t)))),
        h('tbody', null, addresses.map(a => h('tr', {class: 'address', key: a.id, 'data-address-id': a.id, 'data-usable': String(a.usable)},
          h('td', null, a.asset), h('td', null, labels[a.id] || '—'), h('td', null, h('code', null, a.address)),
          h('td', null, formatTime(a.addedAt)),
          h('td', {class: 'usable'}, a.usable ? 'Yes' : 'From ' + formatTime(a.usableFrom)),
          h('td', null, h('button', {type: 'button', class: 'cancel', onClick: () => remove(a)}, 'Remove ' + (labels[a.id] || 'address ' + a.id))))))));
}
