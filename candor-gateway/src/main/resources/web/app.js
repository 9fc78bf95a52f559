// The traders' web app: Preact's h() directly (no JSX, no build step; decision 0012) and hash routes.
import {h, render} from 'preact';
import {useEffect, useState} from 'preact/hooks';
import {api, currentSession, logout, whenLoggedOut} from './api.js';
import {LoginPage} from './login.js';
import {trim} from './decimal.js';
import {MarketPage, OpenOrdersTable} from './market.js';
import {FundsPage} from './funds.js';
import {HistoryPage} from './history.js';
import {NotificationsPage, UNREAD_POLL_MS, unreadCount} from './notifications.js';

const POLL_MS = 5000;

function useRoute() {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const changed = () => setHash(location.hash || '#/');
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash.slice(1).split('/').filter(Boolean);
}

function App() {
  const [session, setSession] = useState(undefined);
  useEffect(() => {
    currentSession().then(setSession, () => setSession(null));
    whenLoggedOut(() => setSession(null));
  }, []);
  const route = useRoute();
  const [unread, setUnread] = useState(0);
  const refreshUnread = () => unreadCount().then(setUnread, () => {});
  useEffect(() => {
    if (!session) return undefined;
    refreshUnread();
    const timer = setInterval(refreshUnread, UNREAD_POLL_MS);
    return () => clearInterval(timer);
  }, [session]);
  if (session === undefined) return h('p', {class: 'loading'}, 'Loading…');
  if (!session) return h(LoginPage, {onLogin: setSession});
  let page;
  if (route[0] === 'market' && route[1]) page = h(MarketPage, {symbol: route[1], key: route[1]});
  else if (route[0] === 'orders') page = h(OrdersPage);
  else if (route[0] === 'funds') page = h(FundsPage);
  else if (route[0] === 'notifications') page = h(NotificationsPage, {onRead: refreshUnread});
  else if (route[0] === 'history') page = h(HistoryPage, {kind: route[1] === 'trades' ? 'trades' : 'orders', key: route[1] || 'orders'});
  else page = h(MarketsPage);
  return h('div', {class: 'shell'},
    h(Header, {session, route, unread, onLogout: () => logout().finally(() => setSession(null))}),
    h('main', {id: 'main'}, page));
}

function Header({session, route, unread, onLogout}) {
  const link = (href, label, active) => h('a', {href, 'aria-current': active ? 'page' : undefined}, label);
  return h('header', {class: 'top'},
    h('a', {class: 'skip', href: '#main', onClick: e => { e.preventDefault(); document.getElementById('main').focus(); }},
      'Skip to content'),
    h('span', {class: 'brand'}, 'Candor'),
    h('nav', {'aria-label': 'Main'},
      link('#/', 'Markets', !route[0] || route[0] === 'market'),
      link('#/orders', 'Open orders', route[0] === 'orders'),
      link('#/history/orders', 'Order history', route[0] === 'history' && route[1] !== 'trades'),
      link('#/history/trades', 'Trade history', route[0] === 'history' && route[1] === 'trades'),
      link('#/funds', 'Funds', route[0] === 'funds'),
      link('#/notifications', unread > 0 ? 'Notifications (' + unread + ' unread)' : 'Notifications',
        route[0] === 'notifications')),
    h('span', {class: 'who'}, 'Signed in as ', h('strong', null, session.username)),
    h('button', {type: 'button', class: 'link', onClick: onLogout}, 'Log out'));
}

function MarketsPage() {
  const [rows, setRows] = useState(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    const load = () => Promise.all([api('GET', '/api/v3/exchangeInfo'), api('GET', '/api/v3/ticker/24hr')])
      .then(([info, tickers]) => {
        const bySymbol = Object.fromEntries(tickers.map(t => [t.symbol, t]));
        if (live) setRows(info.symbols.map(s => ({...s, ticker: bySymbol[s.symbol]})));
      }, e => live && setError(e.message));
    load();
    const timer = setInterval(load, POLL_MS);
    return () => { live = false; clearInterval(timer); };
  }, []);
  return h('section', {'aria-labelledby': 'markets-title'},
    h('h1', {id: 'markets-title'}, 'Markets'),
    error && h('p', {class: 'error', role: 'alert'}, error),
    !rows ? h('p', {class: 'loading'}, 'Loading markets…') :
      h('table', {class: 'markets'},
        h('thead', null, h('tr', null, h('th', {scope: 'col'}, 'Market'), h('th', {scope: 'col', class: 'num'}, 'Last price'),
          h('th', {scope: 'col', class: 'num'}, '24 h change'), h('th', {scope: 'col', class: 'num'}, '24 h volume'),
          h('th', {scope: 'col'}, 'Status'))),
        h('tbody', null, rows.map(row => h(MarketRow, {row, key: row.symbol})))));
}

function MarketRow({row}) {
  const t = row.ticker || {};
  const change = Number(t.priceChangePercent || 0);
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  return h('tr', {'data-symbol': row.symbol},
    h('th', {scope: 'row'}, h('a', {href: '#/market/' + row.symbol}, row.baseAsset + '/' + row.quoteAsset)),
    h('td', {class: 'num'}, t.lastPrice ? trim(t.lastPrice) : '—'),
    h('td', {class: 'num ' + direction}, (change > 0 ? '▲ +' : change < 0 ? '▼ ' : '') + change.toFixed(2) + ' %'),
    h('td', {class: 'num'}, t.volume ? trim(t.volume) + ' ' + row.baseAsset : '—'),
    h('td', null, row.status === 'TRADING' ? 'Trading' : h('span', {class: 'badge halted'}, 'Halted')));
}

function OrdersPage() {
  const [orders, setOrders] = useState(null);
  const [error, setError] = useState('');
  const load = () => api('GET', '/api/v3/openOrders').then(setOrders, e => setError(e.message));
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, []);
  return h('section', {'aria-labelledby': 'orders-title'},
    h('h1', {id: 'orders-title'}, 'Open orders'),
    error && h('p', {class: 'error', role: 'alert'}, error),
    orders ? h(OpenOrdersTable, {orders, onChange: load, showSymbol: true}) : h('p', {class: 'loading'}, 'Loading…'));
}

render(h(App), document.getElementById('app'));
