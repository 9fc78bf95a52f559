// The market page: live candles (uPlot), order book depth and recent trades (REST snapshot, then WebSocket
// diffs as Binance clients apply them), the order form with exact validation, and the user's open orders here.
import {h} from 'preact';
import {useEffect, useRef, useState} from 'preact/hooks';
import uPlot from 'uplot';
import {api, formatTime} from './api.js';
import {ceilDiv, fromUnits, toUnits, trim} from './decimal.js';

const BOOK_ROWS = 12;
const TRADES_MAX = 40;
const CANDLE_SECONDS = 60;
const CANDLES_MAX = 240;
const POLL_MS = 5000;

export function MarketPage({symbol}) {
  const [info, setInfo] = useState(null);
  const [error, setError] = useState('');
  const [ticker, setTicker] = useState(null);
  const [account, setAccount] = useState(null);
  const [orders, setOrders] = useState([]);
  const live = useMarketData(symbol);
  useEffect(() => {
    // The browser tests read this mark: first render of book, trades and chart, from navigation start.
    if (live.ready && performance.getEntriesByName('candor-market-ready').length === 0) {
      performance.mark('candor-market-ready');
    }
  }, [live.ready]);
  const refreshMine = () => Promise.all([
    api('GET', '/api/v3/openOrders', {symbol}).then(setOrders),
    api('GET', '/api/v3/account', {omitZeroBalances: 'false'}).then(setAccount)]).catch(e => setError(e.message));
  useEffect(() => {
    let on = true;
    const poll = () => Promise.all([api('GET', '/api/v3/exchangeInfo', {symbol}), api('GET', '/api/v3/ticker/24hr', {symbol})])
      .then(([exchange, day]) => { if (on) { setInfo(marketInfo(exchange.symbols[0])); setTicker(day); } },
        e => on && setError(e.message));
    poll();
    refreshMine();
    const timer = setInterval(() => { poll(); refreshMine(); }, POLL_MS);
    return () => { on = false; clearInterval(timer); };
  }, [symbol]);
  if (error && !info) return h('p', {class: 'error', role: 'alert'}, error);
  if (!info) return h('p', {class: 'loading'}, 'Loading ' + symbol + '…');
  const halted = info.status !== 'TRADING';
  return h('div', {class: 'market', 'data-ready': live.ready ? 'true' : 'false'},
    h(MarketHeader, {info, ticker, last: live.trades[0]}),
    halted && h('p', {class: 'halted-notice', role: 'status'},
      'Trading in ' + info.label + ' is halted by the operators. Orders cannot be placed until it resumes; ' +
      'open orders stay in the book and can be cancelled.'),
    h('div', {class: 'market-grid'},
      h('section', {class: 'chart-panel', 'aria-label': 'Price chart'}, h(CandleChart, {candles: live.candles, info})),
      h('section', {class: 'book-panel', 'aria-labelledby': 'book-title'},
        h('h2', {id: 'book-title'}, 'Order book'), h(OrderBook, {book: live.book, info})),
      h('section', {class: 'trades-panel', 'aria-labelledby': 'trades-title'},
        h('h2', {id: 'trades-title'}, 'Recent trades'), h(RecentTrades, {trades: live.trades, info})),
      h('section', {class: 'form-panel', 'aria-labelledby': 'form-title'},
        h('h2', {id: 'form-title'}, 'Place an order'),
        h(OrderForm, {info, halted, account, onPlaced: refreshMine}))),
    h('section', {'aria-labelledby': 'mine-title'},
      h('h2', {id: 'mine-title'}, 'My open orders in ' + info.label),
      h(OpenOrdersTable, {orders, onChange: refreshMine})));
}

function marketInfo(s) {
  const filter = type => s.filters.find(f => f.filterType === type);
  return {symbol: s.symbol, status: s.status, base: s.baseAsset, quote: s.quoteAsset, label: s.baseAsset + '/' + s.quoteAsset,
    baseScale: s.baseAssetPrecision, quoteScale: s.quoteAssetPrecision,
    tick: filter('PRICE_FILTER').tickSize, step: filter('LOT_SIZE').stepSize, minQty: filter('LOT_SIZE').minQty,
    maxQty: filter('LOT_SIZE').maxQty, minNotional: filter('NOTIONAL').minNotional};
}

function MarketHeader({info, ticker, last}) {
  const change = Number(ticker ? ticker.priceChangePercent : 0);
  const price = last ? last.price : ticker && ticker.lastPrice;
  return h('header', {class: 'market-head'},
    h('h1', null, info.label),
    h('span', {class: 'last', 'aria-label': 'Last price'}, price ? trim(price) + ' ' + info.quote : 'no trades yet'),
    h('span', {class: 'num ' + (change > 0 ? 'up' : change < 0 ? 'down' : 'flat')},
      '24 h ' + (change > 0 ? '▲ +' : change < 0 ? '▼ ' : '') + change.toFixed(2) + ' %'),
    h('span', {class: info.status === 'TRADING' ? 'badge trading' : 'badge halted', 'data-status': info.status},
      info.status === 'TRADING' ? 'Trading' : 'Halted'));
}

// REST snapshots of the book and trades, then the WebSocket's diffs and trades. Depth diffs are applied as Binance
// documents: buffer until the snapshot, drop diffs up to its lastUpdateId, then each must follow the previous one
// (U = previous u + 1), else the book is fetched again.
function useMarketData(symbol) {
  const [state, setState] = useState({book: {bids: [], asks: []}, trades: [], candles: [], ready: false});
  useEffect(() => {
    let closed = false;
    let book = null;
    let lastU = 0;
    let buffered = [];
    let trades = [];
    let history = [];
    const publish = () => !closed && book && setState({book: sortedBook(book), trades: trades.slice(0, TRADES_MAX),
      candles: merged(history, candlesOf(trades)), ready: true});
    const applyDiff = diff => {
      if (diff.u <= lastU) return;
      if (diff.U > lastU + 1) { resync(); return; }
      for (const [p, q] of diff.b) setLevel(book.bids, p, q);
      for (const [p, q] of diff.a) setLevel(book.asks, p, q);
      lastU = diff.u;
    };
    const resync = () => {
      book = null;
      api('GET', '/api/v3/depth', {symbol, limit: 100}).then(snapshot => {
        if (closed) return;
        book = {bids: new Map(snapshot.bids), asks: new Map(snapshot.asks)};
        lastU = snapshot.lastUpdateId;
        const pending = buffered;
        buffered = [];
        pending.forEach(diff => book && applyDiff(diff));
        publish();
      });
    };
    const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host +
      '/stream?streams=' + symbol.toLowerCase() + '@trade/' + symbol.toLowerCase() + '@depth');
    socket.onmessage = message => {
      const {stream, data} = JSON.parse(message.data);
      if (stream.endsWith('@depth')) {
        if (book) applyDiff(data); else buffered.push(data);
      } else if (stream.endsWith('@trade')) {
        trades = [{id: data.t, price: data.p, qty: data.q, time: data.T, isBuyerMaker: data.m}, ...trades]
          .slice(0, CANDLES_MAX * 20);
      }
      publish();
    };
    // Candles come from the read model's klines; a gateway without history answers 503, and the chart then
    // starts from the recent trades alone.
    const klines = api('GET', '/api/v3/klines', {symbol, interval: '1m', limit: CANDLES_MAX}).catch(() => []);
    Promise.all([api('GET', '/api/v3/trades', {symbol, limit: 1000}), klines]).then(([recent, lines]) => {
      const known = new Set(trades.map(t => t.id));
      trades = [...trades, ...recent.reverse().filter(t => !known.has(t.id))];
      history = lines.map(k => ({t: Math.floor(k[0] / 1000), o: Number(k[1]), h: Number(k[2]), l: Number(k[3]),
        c: Number(k[4])}));
      resync();
    });
    return () => { closed = true; socket.close(); };
  }, [symbol]);
  return state;
}

function setLevel(side, price, qty) {
  if (Number(qty) === 0) side.delete(price); else side.set(price, qty);
}

function sortedBook(book) {
  const bids = [...book.bids].sort((a, b) => Number(b[0]) - Number(a[0])).slice(0, BOOK_ROWS);
  const asks = [...book.asks].sort((a, b) => Number(a[0]) - Number(b[0])).slice(0, BOOK_ROWS);
  return {bids, asks};
}

function candlesOf(trades) {
  const byMinute = new Map();
  for (let i = trades.length - 1; i >= 0; i--) {
    const t = trades[i];
    const start = Math.floor(t.time / 1000 / CANDLE_SECONDS) * CANDLE_SECONDS;
    const p = Number(t.price);
    const c = byMinute.get(start);
    if (!c) byMinute.set(start, {t: start, o: p, h: p, l: p, c: p});
    else { c.h = Math.max(c.h, p); c.l = Math.min(c.l, p); c.c = p; }
  }
  return [...byMinute.values()].sort((a, b) => a.t - b.t).slice(-CANDLES_MAX);
}

// Live candles (from trades since the page opened, and the recent ones) over the history's: the same minute keeps
// the history's open, widens its range, and takes the newest close.
function merged(history, live) {
  const byMinute = new Map(history.map(c => [c.t, {...c}]));
  for (const c of live) {
    const old = byMinute.get(c.t);
    byMinute.set(c.t, old ? {t: c.t, o: old.o, h: Math.max(old.h, c.h), l: Math.min(old.l, c.l), c: c.c} : c);
  }
  return [...byMinute.values()].sort((a, b) => a.t - b.t).slice(-CANDLES_MAX);
}

function CandleChart({candles, info}) {
  const holder = useRef(null);
  const chart = useRef(null);
  const data = [candles.map(c => c.t), candles.map(c => c.o), candles.map(c => c.h), candles.map(c => c.l),
    candles.map(c => c.c)];
  useEffect(() => {
    const width = () => Math.max(280, holder.current.clientWidth);
    const decimals = (trim(info.tick).split('.')[1] || '').length;
    chart.current = new uPlot({width: width(), height: 260, legend: {show: false}, cursor: {show: true},
      scales: {x: {time: true, range: lastHour}},
      axes: [{}, {size: 80, values: (u, ticks) => ticks.map(v => v.toFixed(decimals))}],
      series: [{}, ...['open', 'high', 'low', 'close'].map(label => ({label, paths: () => null, points: {show: false}}))],
      hooks: {draw: [drawCandles]}}, data, holder.current);
    const resize = () => chart.current.setSize({width: width(), height: 260});
    addEventListener('resize', resize);
    return () => { removeEventListener('resize', resize); chart.current.destroy(); };
  }, []);
  useEffect(() => { if (chart.current) chart.current.setData(data); }, [candles]);
  return h('figure', null,
    h('div', {ref: holder, class: 'chart', role: 'img',
      'aria-label': info.label + ' one-minute candles, ' + candles.length + ' minutes'}),
    h('figcaption', null, 'One-minute candles (' + info.quote + ')'));
}

// The x axis shows the last hour (at least), so a few minutes of trades still read as candles.
function lastHour(u, min, max) {
  const end = (max == null ? Date.now() / 1000 : max) + CANDLE_SECONDS;
  return [Math.min(min == null ? end : min, end - 3600), end];
}

function drawCandles(u) {
  const [xs, open, high, low, close] = u.data;
  const ctx = u.ctx;
  const pixel = devicePixelRatio || 1;
  const width = Math.max(pixel, Math.min(12 * pixel, u.bbox.width / Math.max(xs.length, 20) * 0.7));
  ctx.save();
  ctx.beginPath();
  ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
  ctx.clip();
  for (let i = 0; i < xs.length; i++) {
    const x = u.valToPos(xs[i], 'x', true);
    const [yo, yh, yl, yc] = [open[i], high[i], low[i], close[i]].map(v => u.valToPos(v, 'y', true));
    ctx.fillStyle = close[i] >= open[i] ? '#0a7d45' : '#c0392b';
    ctx.fillRect(Math.round(x - pixel / 2), yh, pixel, Math.max(pixel, yl - yh));
    ctx.fillRect(Math.round(x - width / 2), Math.min(yo, yc), width, Math.max(pixel, Math.abs(yc - yo)));
  }
  ctx.restore();
}

function OrderBook({book, info}) {
  const max = Math.max(1, ...book.bids.map(l => Number(l[1])), ...book.asks.map(l => Number(l[1])));
  const row = side => ([price, qty]) => h('tr', {key: price, class: side},
    h('td', {class: 'num price'}, trim(price)),
    h('td', {class: 'num depth', style: {'--depth': (Number(qty) / max * 100).toFixed(1) + '%'}}, trim(qty)));
  return h('table', {class: 'book'},
    h('caption', {class: 'sr-only'}, 'Asks above, bids below, best prices nearest the middle'),
    h('thead', null, h('tr', null, h('th', {scope: 'col', class: 'num'}, 'Price (' + info.quote + ')'),
      h('th', {scope: 'col', class: 'num'}, 'Amount (' + info.base + ')'))),
    h('tbody', {class: 'asks', 'aria-label': 'Asks'}, [...book.asks].reverse().map(row('ask'))),
    h('tbody', {class: 'bids', 'aria-label': 'Bids'}, book.bids.map(row('bid'))));
}

function RecentTrades({trades, info}) {
  return h('table', {class: 'trades'},
    h('thead', null, h('tr', null, h('th', {scope: 'col', class: 'num'}, 'Price (' + info.quote + ')'),
      h('th', {scope: 'col', class: 'num'}, 'Amount (' + info.base + ')'), h('th', {scope: 'col'}, 'Time'))),
    h('tbody', null, trades.map(t => h('tr', {key: t.id, class: t.isBuyerMaker ? 'sell' : 'buy'},
      h('td', {class: 'num'}, trim(t.price), h('span', {class: 'sr-only'}, t.isBuyerMaker ? ' sell' : ' buy')),
      h('td', {class: 'num'}, trim(t.qty)),
      h('td', null, new Date(t.time).toLocaleTimeString())))));
}

const TYPES = {LIMIT: 'Limit', MARKET: 'Market', LIMIT_MAKER: 'Post-only (maker)'};
const TIFS = {GTC: 'Good till cancelled (GTC)', IOC: 'Immediate or cancel (IOC)', FOK: 'Fill or kill (FOK)'};

// Every check the engine makes that the page can know, with the words a trader understands; the engine stays the
// judge (its refusal is shown as it comes).
export function validate(order, info, balances) {
  const errors = {};
  let price = null;
  let quantity = null;
  if (order.type !== 'MARKET') {
    try {
      price = toUnits(order.price, info.quoteScale);
      const tick = toUnits(info.tick, info.quoteScale);
      if (price === 0n) errors.price = 'Enter a price above zero.';
      else if (price % tick !== 0n) errors.price = 'The price must be a multiple of ' + trim(info.tick) + ' ' + info.quote + '.';
    } catch (e) {
      errors.price = order.price === '' ? 'Enter a price.' : e.message;
    }
  }
  try {
    quantity = toUnits(order.quantity, info.baseScale);
    const step = toUnits(info.step, info.baseScale);
    if (quantity < toUnits(info.minQty, info.baseScale)) errors.quantity = 'The smallest amount is ' + trim(info.minQty) + ' ' + info.base + '.';
    else if (quantity > toUnits(info.maxQty, info.baseScale)) errors.quantity = 'The largest amount is ' + trim(info.maxQty) + ' ' + info.base + '.';
    else if (quantity % step !== 0n) errors.quantity = 'The amount must be a multiple of ' + trim(info.step) + ' ' + info.base + '.';
  } catch (e) {
    errors.quantity = order.quantity === '' ? 'Enter an amount.' : e.message;
  }
  if (price !== null && quantity !== null && !errors.price && !errors.quantity) {
    const notional = ceilDiv(price * quantity, 10n ** BigInt(info.baseScale));
    if (notional < toUnits(info.minNotional, info.quoteScale)) {
      errors.form = 'The order is worth ' + trim(fromUnits(notional, info.quoteScale)) + ' ' + info.quote +
        '; the smallest order is worth ' + trim(info.minNotional) + ' ' + info.quote + '.';
    } else if (order.side === 'BUY' && balances && notional > balances[info.quote]) {
      errors.form = 'Not enough ' + info.quote + ' available: this order needs ' + trim(fromUnits(notional, info.quoteScale)) +
        ', you have ' + trim(fromUnits(balances[info.quote], info.quoteScale)) + '.';
    }
  }
  if (order.side === 'SELL' && quantity !== null && !errors.quantity && balances && quantity > balances[info.base]) {
    errors.form = 'Not enough ' + info.base + ' available: you have ' + trim(fromUnits(balances[info.base], info.baseScale)) + '.';
  }
  return errors;
}

function OrderForm({info, halted, account, onPlaced}) {
  const [order, setOrder] = useState({side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', price: '', quantity: ''});
  const [errors, setErrors] = useState({});
  const [result, setResult] = useState(null);
  const [busy, setBusy] = useState(false);
  const set = field => event => { setOrder({...order, [field]: event.target.value}); setErrors({}); setResult(null); };
  const balances = available(account, info);
  const submit = async event => {
    event.preventDefault();
    const found = validate(order, info, balances);
    setErrors(found);
    setResult(null);
    if (Object.keys(found).length) return;
    const params = {symbol: info.symbol, side: order.side, type: order.type, quantity: order.quantity.trim(),
      newOrderRespType: 'RESULT'};
    if (order.type !== 'MARKET') params.price = order.price.trim();
    if (order.type === 'LIMIT') params.timeInForce = order.timeInForce;
    setBusy(true);
    try {
      const placed = await api('POST', '/api/v3/order', params);
      setResult({ok: true, text: 'Order ' + placed.orderId + ' ' + describeStatus(placed.status) + '.'});
      onPlaced();
    } catch (e) {
      setResult({ok: false, text: 'Refused: ' + e.message});
    } finally {
      setBusy(false);
    }
  };
  const field = (name, label, extra) => h('div', {class: 'field'},
    h('label', {for: 'order-' + name}, label),
    h('input', {id: 'order-' + name, name, inputmode: 'decimal', autocomplete: 'off', value: order[name],
      onInput: set(name), 'aria-invalid': errors[name] ? 'true' : 'false', 'aria-describedby': 'order-' + name + '-error',
      disabled: halted, ...extra}),
    h('p', {id: 'order-' + name + '-error', class: 'error field-error'}, errors[name] || ''));
  return h('form', {class: 'order-form ' + order.side.toLowerCase(), onSubmit: submit, noValidate: true,
    'aria-describedby': halted ? 'halted-reason' : undefined},
    halted && h('p', {id: 'halted-reason', class: 'halted-notice'}, 'Market halted: no new orders.'),
    h('fieldset', {class: 'sides', disabled: halted},
      h('legend', null, 'Side'),
      ['BUY', 'SELL'].map(side => h('label', {class: 'side ' + side.toLowerCase(), key: side},
        h('input', {type: 'radio', name: 'side', value: side, checked: order.side === side, onChange: set('side')}),
        side === 'BUY' ? 'Buy' : 'Sell'))),
    h('div', {class: 'field'}, h('label', {for: 'order-type'}, 'Order type'),
      h('select', {id: 'order-type', value: order.type, onChange: set('type'), disabled: halted},
        Object.entries(TYPES).map(([value, label]) => h('option', {value, key: value}, label)))),
    order.type === 'LIMIT' && h('div', {class: 'field'}, h('label', {for: 'order-tif'}, 'Time in force'),
      h('select', {id: 'order-tif', value: order.timeInForce, onChange: set('timeInForce'), disabled: halted},
        Object.entries(TIFS).map(([value, label]) => h('option', {value, key: value}, label)))),
    order.type !== 'MARKET' && field('price', 'Price (' + info.quote + ')', {placeholder: 'tick ' + trim(info.tick)}),
    field('quantity', 'Amount (' + info.base + ')', {placeholder: 'step ' + trim(info.step)}),
    order.type === 'LIMIT_MAKER' && h('p', {class: 'hint'}, 'Post-only: refused if it would trade at once, so you always pay the maker fee.'),
    order.type === 'MARKET' && h('p', {class: 'hint'}, 'Market: trades at once at the best prices in the book; whatever cannot be filled now is cancelled.'),
    balances && h('p', {class: 'hint'}, 'Available: ' + trim(fromUnits(balances[info.base], info.baseScale)) + ' ' + info.base +
      ' · ' + trim(fromUnits(balances[info.quote], info.quoteScale)) + ' ' + info.quote),
    h('p', {class: 'error', role: 'alert', id: 'order-form-error'}, errors.form || (result && !result.ok ? result.text : '')),
    h('p', {class: 'ok', role: 'status', id: 'order-result'}, result && result.ok ? result.text : ''),
    h('button', {type: 'submit', class: 'submit ' + order.side.toLowerCase(), disabled: halted || busy},
      halted ? 'Market halted' : (order.side === 'BUY' ? 'Buy ' : 'Sell ') + info.base));
}

function available(account, info) {
  if (!account) return null;
  const free = asset => {
    const row = account.balances.find(b => b.asset === asset);
    return row ? toUnits(row.free, asset === info.base ? info.baseScale : info.quoteScale) : 0n;
  };
  return {[info.base]: free(info.base), [info.quote]: free(info.quote)};
}

function describeStatus(status) {
  return {NEW: 'is in the book', PARTIALLY_FILLED: 'is partly filled and rests in the book', FILLED: 'was filled',
    EXPIRED: 'expired (nothing left to fill at that price)', CANCELED: 'was cancelled',
    EXPIRED_IN_MATCH: 'was stopped to prevent a trade with yourself'}[status] || status;
}

export function OpenOrdersTable({orders, onChange, showSymbol}) {
  const [message, setMessage] = useState('');
  const cancel = async order => {
    try {
      await api('DELETE', '/api/v3/order', {symbol: order.symbol, orderId: order.orderId});
      setMessage('Order ' + order.orderId + ' cancelled.');
      onChange();
    } catch (e) {
      setMessage('Could not cancel order ' + order.orderId + ': ' + e.message);
    }
  };
  return h('div', null,
    h('p', {role: 'status', class: 'ok'}, message),
    orders.length === 0 ? h('p', {class: 'empty'}, 'No open orders.') :
      h('table', {class: 'orders'},
        h('thead', null, h('tr', null, showSymbol && h('th', {scope: 'col'}, 'Market'), h('th', {scope: 'col'}, 'Order'),
          h('th', {scope: 'col'}, 'Side'), h('th', {scope: 'col'}, 'Type'), h('th', {scope: 'col', class: 'num'}, 'Price'),
          h('th', {scope: 'col', class: 'num'}, 'Amount'), h('th', {scope: 'col', class: 'num'}, 'Filled'),
          h('th', {scope: 'col'}, 'Placed'), h('th', {scope: 'col'}, h('span', {class: 'sr-only'}, 'Actions')))),
        h('tbody', null, orders.map(o => h('tr', {key: o.orderId, 'data-order-id': o.orderId},
          showSymbol && h('td', null, h('a', {href: '#/market/' + o.symbol}, o.symbol)),
          h('td', null, o.orderId),
          h('td', {class: o.side === 'BUY' ? 'up' : 'down'}, o.side === 'BUY' ? 'Buy' : 'Sell'),
          h('td', null, TYPES[o.type] || o.type, o.type === 'LIMIT' ? ' ' + o.timeInForce : ''),
          h('td', {class: 'num'}, trim(o.price)), h('td', {class: 'num'}, trim(o.origQty)),
          h('td', {class: 'num'}, trim(o.executedQty)), h('td', null, formatTime(o.time)),
          h('td', null, h('button', {type: 'button', class: 'cancel', onClick: () => cancel(o),
            'aria-label': 'Cancel order ' + o.orderId}, 'Cancel')))))));
}
