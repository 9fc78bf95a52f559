// Funds: where each asset is (available, in orders, withdrawing, held), drawn as one bar per asset so the status
// reads at a glance; per asset the deposit address, the withdrawal form and the withdrawals under way; the
// allow-list of withdrawal addresses with their time lock; every hold with its explanation. The balances and
// withdrawals come from GET /v1/funds (FundsView, the same data every API client reads), the allow-list and the
// per-asset withdrawal settings from the web app's wallet routes (/web/v1, decision 0013).
import {h} from 'preact';
import {useEffect, useState} from 'preact/hooks';
import {api, formatTime} from './api.js';
import {fromUnits, shareOf, toUnits, trim} from './decimal.js';
import {AddressBook, loadLabels} from './wallet.js';

const PARTS = [
  ['available', 'Available', 'You can trade or withdraw it now.'],
  ['inOrders', 'In orders', 'Reserved by your open orders; cancel an order to free it.'],
  ['withdrawing', 'Withdrawing', 'On its way out in a withdrawal being processed.'],
  ['held', 'Held', 'Restricted by a hold; each hold is explained below.']];
const REASONS = {compliance_review: 'Compliance review', suspicious_activity: 'Suspicious activity',
  court_order: 'Court order', user_request: 'Your request', security_lock: 'Security lock',
  operational_incident: 'Operational incident', withheld_by_law: 'Reason withheld by law'};
const STATES = {requested: 'Requested, waiting to be sent', awaiting_approval: 'Waiting for an operator\'s approval',
  approved: 'Approved, waiting to be sent', broadcast: 'Sent to the network, waiting for confirmations'};
// The engine lets a user cancel until the transaction is broadcast.
const CANCELLABLE = new Set(['requested', 'awaiting_approval', 'approved']);
const POLL_MS = 5000;

// A bucket's amount: a plain string of minor units, or a part object with its total.
const unitsOf = value => BigInt(typeof value === 'string' ? value : value.total);

export function FundsPage() {
  const [funds, setFunds] = useState(null);
  const [wallet, setWallet] = useState(null);
  const [error, setError] = useState('');
  const [showEmpty, setShowEmpty] = useState(false);
  const load = () => Promise.all([api('GET', '/v1/funds'), api('GET', '/web/v1/wallet')])
    .then(([f, w]) => { setFunds(f); setWallet(w); setError(''); }, e => setError(e.message));
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, []);
  if (!funds || !wallet) return error ? h('p', {class: 'error', role: 'alert'}, error) : h('p', {class: 'loading'}, 'Loading funds…');
  const settings = Object.fromEntries(wallet.assets.map(a => [a.asset, a]));
  const assets = funds.assets.filter(a => showEmpty || unitsOf(a.total) > 0n);
  const holds = funds.accountBlocks.concat(funds.assets.flatMap(a => a.held.holds.filter(hold => hold.kind)
    .map(hold => ({...hold, asset: a.asset, scale: a.scale}))));
  return h('section', {'aria-labelledby': 'funds-title'},
    h('h1', {id: 'funds-title'}, 'Funds'),
    funds.accountBlocks.map(block => h('p', {class: 'halted-notice', role: 'alert', key: block.id},
      'Your account is blocked: ' + block.explanation)),
    error && h('p', {class: 'error', role: 'alert'}, error),
    h(Legend),
    h('label', {class: 'toggle'}, h('input', {type: 'checkbox', checked: showEmpty,
      onChange: e => setShowEmpty(e.target.checked)}), ' Show assets with no balance'),
    assets.length === 0 && h('p', {class: 'empty'}, 'No funds yet.'),
    h('ul', {class: 'assets'}, assets.map(asset => h(AssetRow, {asset, setting: settings[asset.asset],
      addresses: wallet.addresses.filter(a => a.asset === asset.asset), reload: load, key: asset.asset}))),
    h(AddressBook, {addresses: wallet.addresses, assets: wallet.assets, reload: load}),
    h('h2', {id: 'holds-title'}, 'Holds on your funds'),
    holds.length === 0 ? h('p', {class: 'empty'}, 'None. Nothing of yours is held.') :
      h('ul', {class: 'holds', 'aria-labelledby': 'holds-title'}, holds.map(hold => h(HoldCard, {hold, key: hold.id}))));
}

function Legend() {
  return h('dl', {class: 'legend'}, PARTS.map(([key, label, meaning]) => [
    h('dt', {key: key + 't'}, h('span', {class: 'swatch ' + key, 'aria-hidden': 'true'}), label),
    h('dd', {key: key + 'd'}, meaning)]));
}

function AssetRow({asset, setting, addresses, reload}) {
  const show = key => trim(fromUnits(unitsOf(asset[key]), asset.scale));
  const total = unitsOf(asset.total);
  return h('li', {class: 'asset', 'data-asset': asset.asset},
    h('div', {class: 'asset-head'}, h('h3', null, asset.asset),
      h('span', {class: 'num total'}, 'Total ', h('strong', null, show('total')))),
    h('div', {class: 'bar', role: 'img', 'aria-label': PARTS.map(([key, label]) => label + ' ' + show(key)).join(', ')},
      PARTS.map(([key]) => {
        const share = shareOf(unitsOf(asset[key]), total);
        return share > 0 && h('span', {class: 'part ' + key, key, style: {width: share + '%'}, title: key});
      })),
    h('dl', {class: 'parts'}, PARTS.map(([key, label]) => [
      h('dt', {key: key + 't'}, h('span', {class: 'swatch ' + key, 'aria-hidden': 'true'}), label),
      h('dd', {key: key + 'd', class: 'num', 'data-part': key}, show(key))])),
    h('div', {class: 'wallet-grid'},
      h(DepositAddress, {asset: asset.asset}),
      h(WithdrawForm, {asset, setting, addresses, reload})),
    asset.withdrawing.withdrawals.length > 0 && h(WithdrawalList, {asset, reload}));
}

function DepositAddress({asset}) {
  const [answer, setAnswer] = useState(null);
  useEffect(() => { api('GET', '/web/v1/deposit-address', {asset}).then(setAnswer, e => setAnswer({available: false, message: e.message})); }, [asset]);
  return h('section', {class: 'deposit', 'aria-label': 'Deposit ' + asset},
    h('h4', null, 'Deposit'),
    !answer ? h('p', {class: 'loading'}, 'Loading…') : answer.available ?
      [h('p', {key: 'a'}, 'Send ' + asset + ' to this address; it is credited after enough confirmations.'),
        h('code', {key: 'b', class: 'address', id: 'deposit-address-' + asset}, answer.address)] :
      h('p', {class: 'hint', id: 'deposit-address-' + asset}, 'Deposits unavailable for this asset. ' + (answer.message || '')));
}

function WithdrawForm({asset, setting, addresses, reload}) {
  const code = asset.asset;
  const [amount, setAmount] = useState('');
  const [addressId, setAddressId] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [result, setResult] = useState(null);
  const [busy, setBusy] = useState(false);
  const labels = loadLabels();
  const usable = addresses.filter(a => a.usable);
  const chosen = addressId || (usable[0] ? String(usable[0].id) : '');
  // Checked in BigInt minor units, never floats, as the user types; the engine remains the judge of the rest.
  const check = text => {
    const units = toUnits(text, asset.scale);
    if (units <= 0n) throw new Error('Enter an amount above zero.');
    if (units > unitsOf(asset.available)) throw new Error('At most ' + trim(fromUnits(unitsOf(asset.available), asset.scale)) + ' ' + code + ' is available.');
    return units;
  };
  const typed = text => {
    setAmount(text);
    try {
      if (text.trim()) check(text);
      setFieldError('');
    } catch (e) {
      setFieldError(e.message);
    }
  };
  const submit = async event => {
    event.preventDefault();
    setResult(null);
    let units;
    try {
      units = check(amount);
    } catch (e) {
      setFieldError(e.message);
      return;
    }
    if (!chosen) { setFieldError('Choose an address from your allow-list.'); return; }
    setFieldError('');
    setBusy(true);
    try {
      const w = await api('POST', '/web/v1/withdrawals', {asset: code, addressId: chosen, amount: units.toString()});
      setResult({ok: true, text: 'Withdrawal ' + w.id + ' requested: ' + (STATES[w.state] || w.state) + '.'});
      setAmount('');
      reload();
    } catch (e) {
      setResult({ok: false, text: e.message});
    } finally {
      setBusy(false);
    }
  };
  const id = 'withdraw-' + code;
  return h('form', {class: 'withdraw', 'data-asset': code, onSubmit: submit, noValidate: true},
    h('h4', null, 'Withdraw'),
    setting && setting.paused && h('p', {class: 'halted-notice', role: 'status'},
      'Withdrawals of ' + code + ' are paused: ' + setting.pauseExplanation),
    h('label', {for: id + '-address'}, 'To address'),
    usable.length === 0 ? h('p', {class: 'hint', id: id + '-address'}, addresses.length ?
      'None of your ' + code + ' addresses is usable yet (see the time lock below).' : 'Add a ' + code + ' address to your allow-list below first.') :
      h('select', {id: id + '-address', value: chosen, onChange: e => setAddressId(e.target.value)},
        usable.map(a => h('option', {value: String(a.id), key: a.id}, (labels[a.id] ? labels[a.id] + ' — ' : '') + a.address))),
    h('label', {for: id + '-amount'}, 'Amount (' + code + ', at most ' + asset.scale + ' decimals)'),
    h('input', {id: id + '-amount', inputmode: 'decimal', autocomplete: 'off', value: amount, 'aria-invalid': fieldError ? 'true' : 'false',
      'aria-describedby': id + '-error', onInput: e => typed(e.target.value)}),
    h('p', {class: 'error field-error', id: id + '-error', role: 'alert'}, fieldError),
    setting && setting.approvalThreshold && h('p', {class: 'hint'}, 'Above ' + trim(fromUnits(BigInt(setting.approvalThreshold), asset.scale)) +
      ' ' + code + ' an operator approves the withdrawal first.'),
    h('button', {type: 'submit', disabled: busy || usable.length === 0}, busy ? 'Sending…' : 'Withdraw ' + code),
    result && h('p', {class: result.ok ? 'ok' : 'error', role: result.ok ? 'status' : 'alert', id: id + '-result'}, result.text));
}

function WithdrawalList({asset, reload}) {
  const [message, setMessage] = useState(null);
  const cancel = async w => {
    try {
      await api('DELETE', '/web/v1/withdrawals/' + w.id);
      setMessage({ok: true, text: 'Withdrawal ' + w.id + ' cancelled; its amount is available again.'});
      reload();
    } catch (e) {
      setMessage({ok: false, text: 'Cancel withdrawal ' + w.id + ': ' + e.message});
    }
  };
  return h('div', {class: 'withdrawals'},
    h('h4', null, 'Withdrawals under way'),
    message && h('p', {class: message.ok ? 'ok' : 'error', role: message.ok ? 'status' : 'alert'}, message.text),
    h('ul', null, asset.withdrawing.withdrawals.map(w => h('li', {class: 'withdrawal', key: w.id, 'data-withdrawal-id': w.id, 'data-state': w.state},
      h('strong', null, trim(fromUnits(BigInt(w.amount), asset.scale)) + ' ' + asset.asset), ' — ',
      h('span', {class: 'state'}, STATES[w.state] || w.state),
      h('dl', null,
        h('dt', null, 'Withdrawal id'), h('dd', null, w.id),
        h('dt', null, 'Requested'), h('dd', null, formatTime(w.requestedAt)),
        w.queuePosition > 0 && [h('dt', {key: 'q'}, 'Place in queue'), h('dd', {key: 'qd', class: 'queue'}, String(w.queuePosition))],
        h('dt', null, 'Expected by'), h('dd', null, formatTime(w.expectedBy),
          w.deadlineMissed ? h('strong', {class: 'error'}, ' — the deadline was missed; we are on it and you will be told') : ''),
        w.txId && [h('dt', {key: 't'}, 'Transaction'), h('dd', {key: 'td'}, h('code', null, w.txId))]),
      CANCELLABLE.has(w.state) && h('button', {type: 'button', class: 'cancel', onClick: () => cancel(w)}, 'Cancel withdrawal ' + w.id)))));
}

function HoldCard({hold}) {
  const what = hold.kind === 'account_block' ? 'Account blocked' : hold.state === 'pending_approval' ? 'A hold on ' + hold.asset +
    ' proposed (it restricts nothing until a second operator approves it)' : trim(fromUnits(BigInt(hold.amount), hold.scale)) + ' ' + hold.asset + ' held';
  return h('li', {class: 'hold', 'data-hold-id': hold.id},
    h('h3', null, what, ' — ', REASONS[hold.reason] || hold.reason),
    h('p', {class: 'explanation'}, hold.explanation),
    h('dl', null,
      h('dt', null, 'Since'), h('dd', null, formatTime(hold.since)),
      h('dt', null, 'Review deadline'), h('dd', null, formatTime(hold.reviewDeadline),
        hold.state === 'escalated' ? ' (passed: the hold was escalated for review)' : ''),
      h('dt', null, 'Ticket'), h('dd', null, hold.ticket ? '#' + hold.ticket : 'none'),
      h('dt', null, 'Hold id'), h('dd', null, hold.id),
      hold.renewals > 0 && [h('dt', null, 'Renewed'), h('dd', null, hold.renewals + ' times')]));
}
