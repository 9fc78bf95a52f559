// The console's withdrawal and policy pages: the withdrawals waiting for an operator (approve, or reject with a
// reason), pauses of an asset's withdrawals (with a reason and the explanation users read), and policy changes
// (tightening applies at once; loosening is a proposal a second operator approves before it expires). Every action
// goes through the admin API in the operator's session, so the engine's rules and the trail apply.
import {h} from 'preact';
import {useEffect, useState} from 'preact/hooks';
import {api, formatTime} from './api.js';
import {toUnits} from './decimal.js';

const PAUSE_REASONS = ['MAINTENANCE', 'NETWORK_INCIDENT', 'SECURITY_INCIDENT', 'REGULATORY', 'OTHER'];
// Each setting an operator may change here: its route, and whether its value is an amount of the asset or a time.
const POLICIES = [
  ['WITHDRAWAL_APPROVAL_THRESHOLD', 'Withdrawal approval threshold (higher is looser)', 'amount'],
  ['WITHDRAWAL_USER_VELOCITY_LIMIT', 'Most one user may withdraw per 24 h (higher is looser)', 'amount'],
  ['WITHDRAWAL_ASSET_VELOCITY_LIMIT', 'Most all users may withdraw per 24 h (higher is looser)', 'amount'],
  ['WITHDRAWAL_ADDRESS_TIME_LOCK', 'Time lock of a new address (shorter is looser)', 'time'],
  ['WITHDRAWAL_SLA_REQUESTED', 'Deadline of a requested withdrawal (longer is looser)', 'time'],
  ['WITHDRAWAL_SLA_AWAITING_APPROVAL', 'Deadline of the approval (longer is looser)', 'time'],
  ['WITHDRAWAL_SLA_APPROVED', 'Deadline of an approved withdrawal (longer is looser)', 'time'],
  ['WITHDRAWAL_SLA_BROADCAST', 'Deadline of the confirmations (longer is looser)', 'time'],
  ['HOLD_APPROVAL_THRESHOLD', 'Hold approval threshold (higher is looser)', 'amount']];
const MINUTE_MS = 60000n;

export function useAction() {
  const [message, setMessage] = useState(null);
  const run = async (label, call, after, describe) => {
    try {
      const answer = await call();
      const text = describe ? describe(answer) : 'done' + (answer && answer.reference ? ' (reference ' + answer.reference + ')' : '');
      setMessage({ok: true, text: label + ': ' + text + '.'});
      if (after) after(answer);
    } catch (e) {
      // The engine's refusal as it comes, for example SELF_APPROVAL.
      setMessage({ok: false, text: label + ': ' + e.message});
    }
  };
  const view = message && h('p', {class: message.ok ? 'ok' : 'error', role: message.ok ? 'status' : 'alert',
    id: 'action-message'}, message.text);
  return [run, view];
}

function useWithdrawals() {
  const [data, setData] = useState(null);
  const [error, setError] = useState('');
  const load = () => api('GET', '/admin/v1/withdrawals').then(setData, e => setError(e.message));
  useEffect(() => { load(); }, []);
  return [data, error, load];
}

export function WithdrawalsPage() {
  const [data, error, load] = useWithdrawals();
  const [run, message] = useAction();
  return h('section', {'aria-labelledby': 'cwithdrawals-title'},
    h('h1', {id: 'cwithdrawals-title'}, 'Withdrawals'),
    message,
    error && h('p', {class: 'error', role: 'alert'}, error),
    !data ? h('p', {class: 'loading'}, 'Loading…') : [
      h('h2', {key: 'q'}, 'Waiting for approval'),
      data.withdrawals.length === 0 ? h('p', {class: 'empty', key: 'e'}, 'None waiting.') :
        h('ul', {class: 'withdrawal-queue', key: 'l'}, data.withdrawals.map(w => h(QueuedWithdrawal, {w, run, reload: load, key: w.withdrawalId}))),
      h('h2', {key: 'p'}, 'Pauses per asset'),
      h(Pauses, {assets: data.assets, run, reload: load, key: 'ps'})]);
}

function QueuedWithdrawal({w, run, reload}) {
  const [reason, setReason] = useState('');
  const id = 'withdrawal-' + w.withdrawalId;
  const act = (label, path, extra) => run(label + ' withdrawal ' + w.withdrawalId,
    () => api('POST', '/admin/v1/withdrawals/' + path, {withdrawalId: w.withdrawalId, ...extra}), reload);
  return h('li', {class: 'hold withdrawal', 'data-withdrawal-id': w.withdrawalId},
    h('h3', null, 'Withdrawal ' + w.withdrawalId + ': ' + w.amount + ' ' + w.asset + ' of user ' + w.userId),
    h('p', {class: 'meta'}, 'To ', h('code', null, w.address || 'unknown address'), ' · requested ' + formatTime(w.requestedAtMs) +
      ' · decide by ' + formatTime(w.expectedByMs), w.deadlineMissed ? h('strong', {class: 'error'}, ' · deadline missed') : ''),
    h('div', {class: 'actions'},
      h('button', {type: 'button', class: 'approve', onClick: () => act('Approve', 'approve')}, 'Approve'),
      h('label', {for: id + '-why'}, 'Reason for rejecting (the user reads it)'),
      h('input', {id: id + '-why', value: reason, maxlength: 160, onInput: e => setReason(e.target.value)}),
      h('button', {type: 'button', class: 'reject', disabled: !reason.trim(),
        onClick: () => act('Reject', 'reject', {justification: reason})}, 'Reject')));
}

function Pauses({assets, run, reload}) {
  const [explanation, setExplanation] = useState('');
  const bytes = new TextEncoder().encode(explanation).length;
  const pause = event => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.target));
    run('Pause ' + form.asset + ' withdrawals', () => api('POST', '/admin/v1/withdrawals/pause',
      {asset: form.asset, reason: form.reason, explanation}), () => { setExplanation(''); reload(); });
  };
  const resume = asset => run('Resume ' + asset + ' withdrawals', () => api('POST', '/admin/v1/withdrawals/resume', {asset}), reload);
  return h('div', {class: 'pauses'},
    h('table', {class: 'pause-table'},
      h('thead', null, h('tr', null, ['Asset', 'Withdrawals', 'Approval above', 'Address time lock', 'Action']
        .map(t => h('th', {scope: 'col', key: t}, t)))),
      h('tbody', null, assets.map(a => h('tr', {key: a.asset, 'data-asset': a.asset, 'data-paused': String(a.paused)},
        h('th', {scope: 'row'}, a.asset),
        h('td', null, a.paused ? 'Paused (' + a.pauseReason + ', by operator ' + a.pausedBy + '): ' + a.pauseExplanation : 'Running'),
        h('td', null, a.approvalThreshold ? a.approvalThreshold + ' ' + a.asset : 'no threshold'),
        h('td', null, Math.round(a.timeLockMs / 60000) + ' min'),
        h('td', null, a.paused && h('button', {type: 'button', class: 'resume', onClick: () => resume(a.asset)}, 'Resume ' + a.asset + ' withdrawals')))))),
    h('form', {class: 'hold-form pause-form', onSubmit: pause},
      h('label', {for: 'pause-asset'}, 'Asset'),
      h('select', {id: 'pause-asset', name: 'asset'}, assets.filter(a => !a.paused).map(a => h('option', {value: a.asset, key: a.asset}, a.asset))),
      h('label', {for: 'pause-reason'}, 'Reason'),
      h('select', {id: 'pause-reason', name: 'reason'}, PAUSE_REASONS.map(r => h('option', {value: r, key: r}, r))),
      h('label', {for: 'pause-explanation'}, 'Public explanation (users read it with every refusal)'),
      h('textarea', {id: 'pause-explanation', rows: 2, required: true, value: explanation, onInput: e => setExplanation(e.target.value),
        'aria-describedby': 'pause-explanation-count'}),
      h('p', {id: 'pause-explanation-count', class: bytes > 160 ? 'error' : 'hint'}, bytes + ' of 160 bytes'),
      h('button', {type: 'submit', disabled: bytes > 160 || !explanation.trim()}, 'Pause withdrawals')));
}

export function PoliciesPage({me}) {
  const [proposals, setProposals] = useState(null);
  const [data, error] = useWithdrawals();
  const [run, message] = useAction();
  const load = () => api('GET', '/admin/v1/policies/proposals').then(b => setProposals(b.proposals));
  useEffect(() => { load(); }, []);
  return h('section', {'aria-labelledby': 'policies-title'},
    h('h1', {id: 'policies-title'}, 'Policies'),
    h('p', {class: 'hint'}, 'Tightening a policy applies at once. Loosening it is a proposal: another operator must approve it within a day, or it expires.'),
    message,
    error && h('p', {class: 'error', role: 'alert'}, error),
    data && h(ProposeForm, {assets: data.assets, run, reload: load}),
    h('h2', null, 'Proposals'),
    !proposals ? h('p', {class: 'loading'}, 'Loading…') : proposals.length === 0 ? h('p', {class: 'empty'}, 'No proposals.') :
      h('ul', {class: 'holds proposals'}, proposals.map(p => h(Proposal, {p, me, run, reload: load, key: p.proposalId}))));
}

function ProposeForm({assets, run, reload}) {
  const [kind, setKind] = useState(POLICIES[0][0]);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState('');
  const unit = POLICIES.find(p => p[0] === kind)[2];
  const submit = event => {
    event.preventDefault();
    const asset = new FormData(event.target).get('asset');
    const scale = (assets.find(a => a.asset === asset) || {}).scale;
    let sent;
    try {
      // Exact: amounts in the asset's decimals, times as whole minutes turned into milliseconds with BigInt.
      sent = unit === 'amount' ? (toUnits(value, scale), value.trim()) : (toUnits(value, 0) * MINUTE_MS).toString();
    } catch (e) {
      setProblem(unit === 'time' ? 'Whole minutes, such as 0 or 90.' : e.message);
      return;
    }
    setProblem('');
    const call = kind === 'HOLD_APPROVAL_THRESHOLD' ?
      () => api('POST', '/admin/v1/policies/hold-approval-threshold', {asset, threshold: sent}) :
      () => api('POST', '/admin/v1/policies/withdrawal', {asset, kind, value: sent});
    run('Set ' + kind + ' of ' + asset, call, () => { setValue(''); reload(); }, answer => answer.reference > 0 ?
      'proposal ' + answer.reference + ' made; another operator must approve it' : 'applied at once');
  };
  return h('form', {class: 'hold-form propose-form', onSubmit: submit, noValidate: true},
    h('label', {for: 'policy-asset'}, 'Asset'),
    h('select', {id: 'policy-asset', name: 'asset'}, assets.map(a => h('option', {value: a.asset, key: a.asset}, a.asset))),
    h('label', {for: 'policy-kind'}, 'Setting'),
    h('select', {id: 'policy-kind', value: kind, onChange: e => setKind(e.target.value)},
      POLICIES.map(([k, label]) => h('option', {value: k, key: k}, label))),
    h('label', {for: 'policy-value'}, unit === 'amount' ? 'New value (an amount of the asset)' : 'New value (minutes)'),
    h('input', {id: 'policy-value', value, inputmode: 'decimal', required: true, 'aria-invalid': problem ? 'true' : 'false',
      'aria-describedby': 'policy-value-problem', onInput: e => setValue(e.target.value)}),
    h('p', {id: 'policy-value-problem', class: 'error', role: 'alert'}, problem),
    h('button', {type: 'submit'}, 'Set or propose'));
}

function Proposal({p, me, run, reload}) {
  const mine = p.proposedBy === me;
  const id = 'proposal-' + p.proposalId;
  const value = p.kind === 'BLAST_RADIUS' ? p.accountsMax + ' accounts, ' + p.shareBpsMax + ' bps, window ' + p.value + ' ms' :
    p.value + (/TIME_LOCK|SLA/.test(p.kind) ? ' ms (' + Math.round(Number(p.value) / 60000) + ' min)' : ' ' + p.asset);
  return h('li', {class: 'hold proposal', 'data-proposal-id': p.proposalId, 'data-state': p.state},
    h('h3', null, 'Proposal ' + p.proposalId + ': ' + p.kind + (p.asset ? ' of ' + p.asset : '') + ' to ' + value + ' — ' + p.state),
    h('p', {class: 'meta'}, 'Proposed by operator ' + p.proposedBy + (p.state === 'PENDING' ? ' · expires ' + formatTime(p.expiresAtMs) :
      p.state === 'APPROVED' ? ' · approved by operator ' + p.approvedBy : ' · expired ' + formatTime(p.expiresAtMs))),
    p.state === 'PENDING' && h('div', {class: 'actions'},
      h('button', {type: 'button', class: 'approve', disabled: mine, 'aria-describedby': mine ? id + '-mine' : undefined,
        onClick: () => run('Approve proposal ' + p.proposalId, () => api('POST', '/admin/v1/policies/approve', {proposalId: p.proposalId}), reload)},
        'Approve'),
      mine && h('p', {id: id + '-mine', class: 'hint'}, 'You proposed this: another operator must approve it (four eyes).')));
}
