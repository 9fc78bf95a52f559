// The operators' console on the admin port: every action goes through the admin API (/admin/v1) in the
// operator's session, so the engine's four-eyes rule and the hash-chained trail apply exactly as for ./candor admin.
import {h, render} from 'preact';
import {useEffect, useState} from 'preact/hooks';
import {api, currentSession, formatTime, login, logout, whenLoggedOut} from './api.js';
import {LoginPage} from './login.js';
import {PoliciesPage, WithdrawalsPage, useAction} from './operations.js';

const REASONS = ['COMPLIANCE_REVIEW', 'SUSPICIOUS_ACTIVITY', 'COURT_ORDER', 'USER_REQUEST', 'SECURITY_LOCK',
  'OPERATIONAL_INCIDENT', 'WITHHELD_BY_LAW'];
const TABS = [['users', 'Users and holds'], ['pending', 'Pending approvals'], ['withdrawals', 'Withdrawals'],
  ['policies', 'Policies'], ['markets', 'Markets'], ['trail', 'Audit trail']];

function Console() {
  const [session, setSession] = useState(undefined);
  const [tab, setTab] = useState((location.hash || '#users').slice(1));
  useEffect(() => {
    currentSession().then(setSession, () => setSession(null));
    whenLoggedOut(() => setSession(null));
    const changed = () => setTab((location.hash || '#users').slice(1));
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  if (session === undefined) return h('p', {class: 'loading'}, 'Loading…');
  if (!session) return h(LoginPage, {onLogin: setSession, title: "Operators' console", doLogin: login});
  const me = session.operatorId;
  return h('div', {class: 'shell'},
    h('header', {class: 'top'},
      h('span', {class: 'brand'}, 'Candor operators'),
      h('nav', {'aria-label': 'Console'}, TABS.map(([id, label]) =>
        h('a', {href: '#' + id, key: id, 'aria-current': tab === id ? 'page' : undefined}, label))),
      h('span', {class: 'who'}, 'Operator ', h('strong', null, session.username), ' (id ' + me + ')'),
      h('button', {type: 'button', class: 'link', onClick: () => logout().finally(() => setSession(null))}, 'Log out')),
    h('main', {id: 'main'},
      tab === 'pending' ? h(PendingPage, {me}) : tab === 'markets' ? h(MarketsPage) :
        tab === 'withdrawals' ? h(WithdrawalsPage) : tab === 'policies' ? h(PoliciesPage, {me}) :
        tab === 'trail' ? h(TrailPage) : h(UsersPage, {me})));
}

function UsersPage({me}) {
  const [user, setUser] = useState(null);
  const [error, setError] = useState('');
  const find = async event => {
    event.preventDefault();
    const q = new FormData(event.target).get('q');
    setError('');
    try {
      const found = await api('GET', '/admin/v1/users/find', {q});
      if (!found.found) { setUser(null); setError('No user matches "' + q + '".'); return; }
      setUser(found.userId);
    } catch (e) {
      setError(e.message);
    }
  };
  return h('section', {'aria-labelledby': 'users-title'},
    h('h1', {id: 'users-title'}, 'Users and holds'),
    h('form', {class: 'inline', onSubmit: find, role: 'search'},
      h('label', {for: 'user-q'}, 'User id or login name'),
      h('input', {id: 'user-q', name: 'q', required: true}),
      h('button', {type: 'submit'}, 'Find')),
    error && h('p', {class: 'error', role: 'alert'}, error),
    user && h(UserDetail, {userId: user, me, key: user}));
}

function UserDetail({userId, me}) {
  const [balances, setBalances] = useState(null);
  const [holds, setHolds] = useState([]);
  const [run, message] = useAction();
  const load = () => Promise.all([api('GET', '/admin/v1/balances', {userId}).then(b => setBalances(b.balances)),
    api('GET', '/admin/v1/holds', {userId}).then(b => setHolds(b.holds))]);
  useEffect(() => { load(); }, [userId]);
  return h('div', {class: 'user', 'data-user-id': userId},
    h('h2', null, 'User ' + userId),
    message,
    h('h3', null, 'Balances'),
    balances && h('table', {class: 'balances'},
      h('thead', null, h('tr', null, ['Asset', 'Available', 'In orders', 'Withdrawing', 'Held', 'Total']
        .map((t, i) => h('th', {scope: 'col', class: i ? 'num' : '', key: t}, t)))),
      h('tbody', null, balances.map(b => h('tr', {key: b.asset}, h('th', {scope: 'row'}, b.asset),
        ['available', 'in_orders', 'withdrawing', 'held', 'total'].map(k => h('td', {class: 'num', key: k}, b[k])))))),
    h('h3', null, 'Holds'),
    h(HoldList, {holds, me, run, reload: load}),
    h('h3', null, 'Place a hold'),
    h(PlaceHoldForm, {userId, assets: balances ? balances.map(b => b.asset) : [], run, reload: load}));
}

function HoldList({holds, me, run, reload}) {
  if (holds.length === 0) return h('p', {class: 'empty'}, 'No holds.');
  return h('ul', {class: 'holds'}, holds.map(hold => h(HoldItem, {hold, me, run, reload, key: hold.holdId})));
}

function HoldItem({hold, me, run, reload}) {
  const [justification, setJustification] = useState('');
  const mine = hold.placedBy === me;
  const id = 'hold-' + hold.holdId;
  const act = (label, path, extra) => run(label + ' hold ' + hold.holdId,
    () => api('POST', '/admin/v1/holds/' + path, {holdId: hold.holdId, ...extra}), reload);
  return h('li', {class: 'hold', 'data-hold-id': hold.holdId, 'data-state': hold.state},
    h('h4', null, 'Hold ' + hold.holdId + ': ' + (hold.kind === 'ACCOUNT_BLOCK' ? 'account block' : hold.amount + ' ' + hold.asset) +
      ' — ' + hold.reason + ' — ' + hold.state),
    h('p', {class: 'explanation'}, hold.explanation),
    h('p', {class: 'meta'}, 'User ' + hold.userId + ' · placed by operator ' + hold.placedBy + ' at ' + formatTime(hold.placedAtMs) +
      (hold.approvedBy ? ' · approved by operator ' + hold.approvedBy : '') + ' · review by ' + formatTime(hold.reviewDeadlineMs) +
      ' · ticket ' + (hold.ticketRef || 'none')),
    hold.state === 'PENDING_APPROVAL' ? h('div', {class: 'actions'},
      h('button', {type: 'button', class: 'approve', disabled: mine, 'aria-describedby': mine ? id + '-mine' : undefined,
        onClick: () => act('Approve', 'approve')}, 'Approve'),
      mine && h('p', {id: id + '-mine', class: 'hint'}, 'You placed this hold: another operator must approve it (four eyes).'),
      h('label', {for: id + '-why'}, 'Justification for rejecting'),
      h('input', {id: id + '-why', value: justification, onInput: e => setJustification(e.target.value), maxlength: 160}),
      h('button', {type: 'button', class: 'reject', disabled: !justification.trim(),
        onClick: () => act('Reject', 'reject', {justification})}, 'Reject'))
      : h('div', {class: 'actions'}, h('button', {type: 'button', class: 'release', onClick: () => act('Release', 'release')}, 'Release'),
        h(RenewForm, {hold, act})));
}

// A hold in force is renewed with a new justification and a new review deadline; each renewal is counted and shown.
function RenewForm({hold, act}) {
  const [justification, setJustification] = useState('');
  const [hours, setHours] = useState('72');
  const id = 'renew-' + hold.holdId;
  return h('form', {class: 'renew', onSubmit: e => { e.preventDefault(); act('Renew', 'renew', {justification, reviewHours: hours}); }},
    h('span', {class: 'renewals'}, 'Renewed ' + hold.renewals + (hold.renewals === 1 ? ' time' : ' times')),
    h('label', {for: id + '-why'}, 'New justification'),
    h('input', {id: id + '-why', value: justification, maxlength: 160, required: true, onInput: e => setJustification(e.target.value)}),
    h('label', {for: id + '-hours'}, 'Next review in hours'),
    h('input', {id: id + '-hours', type: 'number', min: 1, max: 2208, value: hours, required: true, onInput: e => setHours(e.target.value)}),
    h('button', {type: 'submit', class: 'renew', disabled: !justification.trim()}, 'Renew hold'));
}

function PlaceHoldForm({userId, assets, run, reload}) {
  const [explanation, setExplanation] = useState('');
  const bytes = new TextEncoder().encode(explanation).length;
  const submit = event => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.target));
    const params = {userId, reason: form.reason, explanation, reviewHours: form.reviewHours};
    if (form.ticketRef) params.ticketRef = form.ticketRef;
    if (form.kind === 'ACCOUNT_BLOCK') params.kind = 'ACCOUNT_BLOCK';
    else { params.asset = form.asset; params.amount = form.amount; }
    run('Place hold', () => api('POST', '/admin/v1/holds', params), () => { setExplanation(''); event.target.reset(); reload(); });
  };
  return h('form', {class: 'hold-form', onSubmit: submit},
    h('label', {for: 'hold-kind'}, 'Kind'),
    h('select', {id: 'hold-kind', name: 'kind'}, h('option', {value: 'AMOUNT'}, 'An amount of one asset'),
      h('option', {value: 'ACCOUNT_BLOCK'}, 'Block the whole account')),
    h('label', {for: 'hold-asset'}, 'Asset'),
    h('select', {id: 'hold-asset', name: 'asset'}, assets.map(a => h('option', {value: a, key: a}, a))),
    h('label', {for: 'hold-amount'}, 'Amount'),
    h('input', {id: 'hold-amount', name: 'amount', inputmode: 'decimal'}),
    h('label', {for: 'hold-reason'}, 'Reason'),
    h('select', {id: 'hold-reason', name: 'reason'}, REASONS.map(r => h('option', {value: r, key: r}, r))),
    h('label', {for: 'hold-explanation'}, 'Explanation the user will read'),
    h('textarea', {id: 'hold-explanation', name: 'explanation', required: true, rows: 2, value: explanation,
      onInput: e => setExplanation(e.target.value), 'aria-describedby': 'hold-explanation-count'}),
    h('p', {id: 'hold-explanation-count', class: bytes > 160 ? 'error' : 'hint'}, bytes + ' of 160 bytes'),
    h('label', {for: 'hold-hours'}, 'Review deadline, hours from now (1 to 2208)'),
    h('input', {id: 'hold-hours', name: 'reviewHours', type: 'number', min: 1, max: 2208, value: 72, required: true}),
    h('label', {for: 'hold-ticket'}, 'Ticket number'),
    h('input', {id: 'hold-ticket', name: 'ticketRef', inputmode: 'numeric'}),
    h('button', {type: 'submit', disabled: bytes > 160}, 'Place hold (needs a second operator)'));
}

function PendingPage({me}) {
  const [holds, setHolds] = useState(null);
  const [run, message] = useAction();
  const load = () => api('GET', '/admin/v1/holds').then(b => setHolds(b.holds));
  useEffect(() => { load(); }, []);
  return h('section', {'aria-labelledby': 'pending-title'},
    h('h1', {id: 'pending-title'}, 'Holds waiting for a second operator'),
    message,
    holds ? h(HoldList, {holds, me, run, reload: load}) : h('p', {class: 'loading'}, 'Loading…'));
}

function MarketsPage() {
  const [markets, setMarkets] = useState(null);
  const [run, message] = useAction();
  const load = () => api('GET', '/admin/v1/markets').then(b => setMarkets(b.markets));
  useEffect(() => { load(); }, []);
  const toggle = m => run((m.status === 'TRADING' ? 'Halt ' : 'Resume ') + m.symbol,
    () => api('POST', '/admin/v1/markets/' + (m.status === 'TRADING' ? 'halt' : 'resume'), {symbol: m.symbol}), load);
  return h('section', {'aria-labelledby': 'cmarkets-title'},
    h('h1', {id: 'cmarkets-title'}, 'Markets'),
    message,
    markets && h('table', null,
      h('thead', null, h('tr', null, h('th', {scope: 'col'}, 'Market'), h('th', {scope: 'col'}, 'Status'), h('th', {scope: 'col'}, 'Action'))),
      h('tbody', null, markets.map(m => h('tr', {key: m.symbol, 'data-symbol': m.symbol},
        h('th', {scope: 'row'}, m.symbol), h('td', {'data-status': m.status}, m.status === 'TRADING' ? 'Trading' : 'Halted'),
        h('td', null, h('button', {type: 'button', class: m.status === 'TRADING' ? 'halt' : 'resume', onClick: () => toggle(m)},
          m.status === 'TRADING' ? 'Halt trading' : 'Resume trading')))))));
}

function TrailPage() {
  const [trail, setTrail] = useState(null);
  useEffect(() => { api('GET', '/admin/v1/actions', {limit: 100}).then(setTrail); }, []);
  if (!trail) return h('p', {class: 'loading'}, 'Loading…');
  return h('section', {'aria-labelledby': 'trail-title'},
    h('h1', {id: 'trail-title'}, 'Audit trail of operator actions'),
    h('p', {class: trail.chainIntact ? 'ok' : 'error', id: 'chain-status'}, trail.chainIntact ? 'Hash chain intact.' :
      'Hash chain broken at action ' + trail.firstBrokenActionId + '.'),
    h('table', {class: 'trail'},
      h('thead', null, h('tr', null, ['#', 'Time', 'Operator', 'Action', 'Detail', 'Outcome'].map(t => h('th', {scope: 'col', key: t}, t)))),
      h('tbody', null, trail.actions.map(a => h('tr', {key: a.actionId},
        h('td', null, a.actionId), h('td', null, formatTime(a.atMs)), h('td', null, a.operatorId),
        h('td', null, a.action), h('td', {class: 'detail'}, a.detail),
        h('td', {class: a.outcome === 'NONE' ? 'ok' : 'error'}, a.outcome === 'NONE' ? 'applied' : 'refused: ' + a.outcome))))));
}

render(h(Console), document.getElementById('app'));
