// Funds: where each asset is (available, in orders, withdrawing, held), drawn as one bar per asset so the status
// reads at a glance, and every hold in force with its explanation, since when, its review deadline and ticket.
import {h} from 'preact';
import {useEffect, useState} from 'preact/hooks';
import {api, formatTime} from './api.js';
import {percent, trim} from './decimal.js';

const PARTS = [
  ['available', 'Available', 'You can trade or withdraw it now.'],
  ['inOrders', 'In orders', 'Reserved by your open orders; cancel an order to free it.'],
  ['withdrawing', 'Withdrawing', 'On its way out in a withdrawal being processed.'],
  ['held', 'Held', 'Restricted by a hold; each hold is explained below.']];
const REASONS = {COMPLIANCE_REVIEW: 'Compliance review', SUSPICIOUS_ACTIVITY: 'Suspicious activity',
  COURT_ORDER: 'Court order', USER_REQUEST: 'Your request', SECURITY_LOCK: 'Security lock',
  OPERATIONAL_INCIDENT: 'Operational incident', WITHHELD_BY_LAW: 'Reason withheld by law'};

export function FundsPage() {
  const [funds, setFunds] = useState(null);
  const [error, setError] = useState('');
  const [showEmpty, setShowEmpty] = useState(false);
  useEffect(() => {
    const load = () => api('GET', '/web/v1/funds').then(setFunds, e => setError(e.message));
    load();
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, []);
  if (!funds) return error ? h('p', {class: 'error', role: 'alert'}, error) : h('p', {class: 'loading'}, 'Loading funds…');
  const assets = funds.assets.filter(a => showEmpty || /[1-9]/.test(a.total));
  const blocks = funds.holds.filter(hold => hold.kind === 'ACCOUNT_BLOCK');
  return h('section', {'aria-labelledby': 'funds-title'},
    h('h1', {id: 'funds-title'}, 'Funds'),
    blocks.map(block => h('p', {class: 'halted-notice', role: 'alert', key: block.holdId},
      'Your account is blocked: ' + block.explanation)),
    h(Legend),
    h('label', {class: 'toggle'}, h('input', {type: 'checkbox', checked: showEmpty,
      onChange: e => setShowEmpty(e.target.checked)}), ' Show assets with no balance'),
    assets.length === 0 && h('p', {class: 'empty'}, 'No funds yet.'),
    h('ul', {class: 'assets'}, assets.map(asset => h(AssetRow, {asset, key: asset.asset}))),
    h('h2', {id: 'holds-title'}, 'Holds on your funds'),
    funds.holds.length === 0 ? h('p', {class: 'empty'}, 'None. Nothing of yours is held.') :
      h('ul', {class: 'holds', 'aria-labelledby': 'holds-title'}, funds.holds.map(hold => h(HoldCard, {hold, key: hold.holdId}))));
}

function Legend() {
  return h('dl', {class: 'legend'}, PARTS.map(([key, label, meaning]) => [
    h('dt', {key: key + 't'}, h('span', {class: 'swatch ' + key, 'aria-hidden': 'true'}), label),
    h('dd', {key: key + 'd'}, meaning)]));
}

function AssetRow({asset}) {
  return h('li', {class: 'asset', 'data-asset': asset.asset},
    h('div', {class: 'asset-head'}, h('h3', null, asset.asset),
      h('span', {class: 'num total'}, 'Total ', h('strong', null, trim(asset.total) || '0'))),
    h('div', {class: 'bar', role: 'img', 'aria-label': PARTS.map(([key, label]) => label + ' ' + trim(asset[key])).join(', ')},
      PARTS.map(([key]) => {
        const share = percent(asset[key], asset.total, asset.scale);
        return share > 0 && h('span', {class: 'part ' + key, key, style: {width: share + '%'}, title: key});
      })),
    h('dl', {class: 'parts'}, PARTS.map(([key, label]) => [
      h('dt', {key: key + 't'}, h('span', {class: 'swatch ' + key, 'aria-hidden': 'true'}), label),
      h('dd', {key: key + 'd', class: 'num', 'data-part': key}, trim(asset[key]) || '0')])));
}

function HoldCard({hold}) {
  const what = hold.kind === 'ACCOUNT_BLOCK' ? 'Account blocked' : trim(hold.amount) + ' ' + hold.asset + ' held';
  return h('li', {class: 'hold', 'data-hold-id': hold.holdId},
    h('h3', null, what, ' — ', REASONS[hold.reason] || hold.reason),
    h('p', {class: 'explanation'}, hold.explanation),
    h('dl', null,
      h('dt', null, 'Since'), h('dd', null, formatTime(hold.sinceMs)),
      h('dt', null, 'Review deadline'), h('dd', null, formatTime(hold.reviewDeadlineMs),
        hold.state === 'ESCALATED' ? ' (passed: the hold was escalated for review)' : ''),
      h('dt', null, 'Ticket'), h('dd', null, hold.ticketRef ? '#' + hold.ticketRef : 'none'),
      h('dt', null, 'Hold id'), h('dd', null, hold.holdId),
      hold.renewals > 0 && [h('dt', null, 'Renewed'), h('dd', null, hold.renewals + ' times')]));
}
