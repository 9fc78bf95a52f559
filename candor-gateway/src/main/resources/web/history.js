// Order and trade history of one market from the read model (/web/v1/history/orders and /trades), newest first, a
// page at a time with keyset paging: each page ends at a cursor and the older page starts below it, so orders and
// trades written meanwhile neither repeat nor go missing (new ones appear on the first page).
import {h} from 'preact';
import {useEffect, useState} from 'preact/hooks';
import {api, formatTime} from './api.js';
import {trim} from './decimal.js';

const SIZES = [10, 25, 50, 100];
const KINDS = {
  orders: {title: 'Order history', path: '/web/v1/history/orders'},
  trades: {title: 'Trade history', path: '/web/v1/history/trades'}};

export function HistoryPage({kind}) {
  const spec = KINDS[kind] || KINDS.orders;
  const [markets, setMarkets] = useState(null);
  const [symbol, setSymbol] = useState('');
  const [size, setSize] = useState(SIZES[0]);
  // The cursor each page starts below (null: the newest); the last is the current page, the ones before lead back.
  const [starts, setStarts] = useState([null]);
  const [page, setPage] = useState(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api('GET', '/api/v3/exchangeInfo').then(info => {
      setMarkets(info.symbols);
      setSymbol(s => s || (info.symbols[0] && info.symbols[0].symbol));
    }, e => setError(e.message));
  }, []);
  const start = starts[starts.length - 1];
  useEffect(() => {
    if (!symbol) return;
    let live = true;
    setError('');
    const query = start === null ? {symbol, limit: size} : {symbol, before: start, limit: size};
    api('GET', spec.path, query).then(page => {
      if (live) setPage({rows: page.rows, next: page.next});
    }, e => live && setError(e.message));
    return () => { live = false; };
  }, [symbol, size, start, kind]);
  const restart = change => { change(); setStarts([null]); setPage(null); };
  const pageNumber = starts.length;
  return h('section', {'aria-labelledby': 'history-title', class: 'history', 'data-kind': kind},
    h('h1', {id: 'history-title'}, spec.title),
    h('form', {class: 'inline', onSubmit: e => e.preventDefault()},
      h('label', {for: 'history-market'}, 'Market'),
      h('select', {id: 'history-market', value: symbol, onChange: e => restart(() => setSymbol(e.target.value))},
        (markets || []).map(m => h('option', {value: m.symbol, key: m.symbol}, m.baseAsset + '/' + m.quoteAsset))),
      h('label', {for: 'history-size'}, 'Rows per page'),
      h('select', {id: 'history-size', value: String(size), onChange: e => restart(() => setSize(Number(e.target.value)))},
        SIZES.map(n => h('option', {value: String(n), key: n}, String(n))))),
    error && h('p', {class: 'error', role: 'alert'}, error),
    !page ? h('p', {class: 'loading'}, 'Loading…') : [
      h('p', {class: 'hint', key: 'p', id: 'history-page', 'aria-live': 'polite'}, 'Page ' + pageNumber + ', newest first' +
        (page.rows.length ? ' (' + page.rows.length + ' rows)' : '')),
      page.rows.length === 0 ? h('p', {class: 'empty', key: 'e'}, 'Nothing in this market yet.') :
        kind === 'trades' ? h(TradesTable, {rows: page.rows, key: 't'}) : h(OrdersTable, {rows: page.rows, key: 'o'}),
      h('nav', {class: 'pager', key: 'n', 'aria-label': 'Pages'},
        h('button', {type: 'button', class: 'previous', disabled: pageNumber === 1,
          onClick: () => { setPage(null); setStarts(starts.slice(0, -1)); }}, 'Newer'),
        h('button', {type: 'button', class: 'next', disabled: page.next === null,
          onClick: () => { setPage(null); setStarts(starts.concat(page.next)); }}, 'Older'))]);
}

function OrdersTable({rows}) {
  return h('table', {class: 'order-history'},
    h('thead', null, h('tr', null, ['Time', 'Order', 'Side', 'Type', 'Price', 'Quantity', 'Filled', 'Status']
      .map((t, i) => h('th', {scope: 'col', key: t, class: i >= 4 && i <= 6 ? 'num' : ''}, t)))),
    h('tbody', null, rows.map(o => h('tr', {key: o.orderId, 'data-order-id': o.orderId},
      h('td', null, formatTime(o.time)), h('td', null, o.orderId), h('td', {class: o.side === 'BUY' ? 'up' : 'down'}, o.side),
      h('td', null, o.type + (o.timeInForce && o.type === 'LIMIT' ? ' ' + o.timeInForce : '')), h('td', {class: 'num'}, o.type === 'MARKET' ? 'market' : trim(o.price)),
      h('td', {class: 'num'}, trim(o.origQty)), h('td', {class: 'num'}, trim(o.executedQty)), h('td', null, o.status)))));
}

function TradesTable({rows}) {
  return h('table', {class: 'trade-history'},
    h('thead', null, h('tr', null, ['Time', 'Trade', 'Order', 'Side', 'Role', 'Price', 'Quantity', 'Fee']
      .map((t, i) => h('th', {scope: 'col', key: t, class: i >= 5 ? 'num' : ''}, t)))),
    h('tbody', null, rows.map(t => h('tr', {key: t.id + (t.isMaker ? 'm' : 't'), 'data-trade-id': t.id},
      h('td', null, formatTime(t.time)), h('td', null, t.id), h('td', null, t.orderId),
      h('td', {class: t.isBuyer ? 'up' : 'down'}, t.isBuyer ? 'BUY' : 'SELL'), h('td', null, t.isMaker ? 'maker' : 'taker'),
      h('td', {class: 'num'}, trim(t.price)), h('td', {class: 'num'}, trim(t.qty)),
      h('td', {class: 'num'}, trim(t.commission) + ' ' + t.commissionAsset)))));
}
