// Drives a running gateway with the real CCXT binance class, as a bot would, and fails loudly on any difference.
// CcxtSmokeTest (Maven) runs it against a fresh exchange; by hand, start CcxtSandbox (prints BASE and KEYS), then
//   node smoke.mjs BASE KEY1 SECRET1 KEY2 SECRET2
// Needs ccxt as pinned in package.json here: npm ci --prefix candor-gateway/src/test/ccxt
import ccxt from 'ccxt';

const [base, key1, secret1, key2, secret2] = process.argv.slice(2);

function candor(apiKey, secret, exchangeClass = ccxt.binance) {
    return new exchangeClass({
        apiKey, secret,
        urls: { api: {
            public: base + '/api/v3', private: base + '/api/v3', sapi: base + '/sapi/v1', v1: base + '/api/v1',
            fapiPublic: base + '/fapi/v1', dapiPublic: base + '/dapi/v1',
            ws: { spot: base.replace('http', 'ws') + '/ws' },
        } },
    });
}

function check(condition, what) {
    if (!condition) {
        throw new Error('FAILED: ' + what);
    }
    console.log('ok - ' + what);
}

const seller = candor(key1, secret1);
const buyer = candor(key2, secret2);
const markets = await seller.loadMarkets();
check(markets['BTC/USDT'] !== undefined, 'loadMarkets lists BTC/USDT with default options');
check(markets['BTC/USDT'].precision.price === 0.01, 'price precision from tickSize');
check(markets['BTC/USDT'].precision.amount === 0.0001, 'amount precision from stepSize');
await buyer.loadMarkets();

const time = await seller.fetchTime();
check(Math.abs(time - Date.now()) < 5000, 'fetchTime');

const ask = await seller.createOrder('BTC/USDT', 'limit', 'sell', 0.5, 30000);
check(ask.status === 'open' && ask.amount === 0.5 && ask.price === 30000, 'createOrder limit sell is open');

const book = await seller.fetchOrderBook('BTC/USDT');
check(book.asks[0][0] === 30000 && book.asks[0][1] === 0.5, 'fetchOrderBook shows the ask');

const buy = await buyer.createOrder('BTC/USDT', 'market', 'buy', undefined, undefined, { quoteOrderQty: 3000 });
check(buy.filled === 0.1 && buy.cost === 3000, 'market buy by quoteOrderQty filled 0.1 for 3000');
check(buy.trades.length === 1 && buy.trades[0].fee.currency === 'BTC', 'fills with fee in BTC');

const balance = await buyer.fetchBalance();
check(balance.BTC.free === 10.0998 && balance.USDT.free === 997000, 'fetchBalance after the trade');

const byAmount = await buyer.createOrder('BTC/USDT', 'market', 'buy', 0.1);
check(byAmount.filled === 0.1 && byAmount.status === 'closed', 'market buy by amount filled 0.1');

const open = await seller.fetchOpenOrders('BTC/USDT');
check(open.length === 1 && open[0].filled === 0.2 && open[0].remaining === 0.3, 'fetchOpenOrders');
const fetched = await seller.fetchOrder(ask.id, 'BTC/USDT');
check(fetched.status === 'open' && fetched.filled === 0.2, 'fetchOrder');

const ticker = await seller.fetchTicker('BTC/USDT');
check(ticker.last === 30000 && ticker.ask === 30000, 'fetchTicker');
const tickers = await seller.fetchTickers();
check(tickers['BTC/USDT'] !== undefined, 'fetchTickers');

const cancelled = await seller.cancelOrder(ask.id, 'BTC/USDT');
check(cancelled.status === 'canceled', 'cancelOrder');

// History, from the read model: two taker orders took 0.1 BTC each at 30000 from the seller's ask.
const publicTrades = await seller.fetchTrades('BTC/USDT');
check(publicTrades.length === 2 && publicTrades.every((t) => t.price === 30000 && t.amount === 0.1),
    'fetchTrades (aggTrades): one aggregate per taker order');
check(publicTrades.every((t) => t.side === 'buy'), 'fetchTrades: the takers bought');
const candles = await seller.fetchOHLCV('BTC/USDT', '1m');
check(candles.length >= 1 && candles[candles.length - 1][4] === 30000, 'fetchOHLCV closes at 30000');
check(Math.abs(candles.reduce((sum, c) => sum + c[5], 0) - 0.2) < 1e-9, 'fetchOHLCV volume 0.2');
check((await seller.fetchOHLCV('BTC/USDT', '1h')).length >= 1, 'fetchOHLCV by the hour');
const myTrades = await buyer.fetchMyTrades('BTC/USDT');
check(myTrades.length === 2 && myTrades.every((t) => t.side === 'buy' && t.price === 30000),
    'fetchMyTrades: the buyer bought twice at 30000');
check(myTrades.every((t) => t.fee.currency === 'BTC' && t.takerOrMaker === 'taker'),
    'fetchMyTrades: taker fees in BTC');
const sellerTrades = await seller.fetchMyTrades('BTC/USDT');
check(sellerTrades.length === 2 && sellerTrades.every((t) => t.takerOrMaker === 'maker' && t.order === ask.id),
    'fetchMyTrades: the seller made both');
const allOrders = await seller.fetchOrders('BTC/USDT');
const askNow = allOrders.find((o) => o.id === ask.id);
check(askNow !== undefined && askNow.status === 'canceled' && askNow.filled === 0.2,
    'fetchOrders shows the canceled ask');
const closed = await buyer.fetchClosedOrders('BTC/USDT');
check(closed.length === 2 && closed.every((o) => o.status === 'closed'), 'fetchClosedOrders: both buys');

try {
    await buyer.createOrder('BTC/USDT', 'limit', 'buy', 100, 30000);
    check(false, 'an order beyond the balance is refused');
} catch (e) {
    check(e instanceof ccxt.InsufficientFunds, 'InsufficientFunds for an order beyond the balance');
}
try {
    await seller.fetchOrder('12345', 'BTC/USDT');
    check(false, 'an unknown order is not found');
} catch (e) {
    check(e instanceof ccxt.OrderNotFound, 'OrderNotFound for an unknown order');
}
const wrong = candor(key1, 'not-the-secret');
try {
    await wrong.fetchBalance();
    check(false, 'a wrong secret is refused');
} catch (e) {
    check(e instanceof ccxt.AuthenticationError, 'AuthenticationError for a wrong secret');
}
const watcher = candor(key1, secret1, ccxt.pro.binance);
await watcher.loadMarkets();
await watcher.loadHttpProxyAgent(); // CCXT asks for this before any plain ws:// (non-TLS) connection
const watchedBook = watcher.watchOrderBook('BTC/USDT');
const watchedTrades = watcher.watchTrades('BTC/USDT');
await new Promise((resolve) => setTimeout(resolve, 500));
await seller.createOrder('BTC/USDT', 'limit', 'sell', 0.3, 31000);
await buyer.createOrder('BTC/USDT', 'limit', 'buy', 0.1, 31000);
const trades = await watchedTrades;
check(trades.length >= 1 && trades[trades.length - 1].price === 31000, 'watchTrades (ccxt.pro) sees the trade');
await watchedBook;
// The update that leaves 0.2 may already have arrived: watchOrderBook resolves only on the next one, so look at the
// book CCXT keeps first, and wait for further updates at most a few seconds each.
const nextBook = () => Promise.race([watcher.watchOrderBook('BTC/USDT').catch(() => watcher.orderbooks['BTC/USDT']),
    new Promise((resolve) => setTimeout(() => resolve(watcher.orderbooks['BTC/USDT']), 3000))]);
let streamed = watcher.orderbooks['BTC/USDT'];
for (let i = 0; i < 5 && !(streamed && streamed.asks.length && streamed.asks[0][1] === 0.2); i++) {
    streamed = await nextBook();
}
check(streamed.asks[0][0] === 31000 && streamed.asks[0][1] === 0.2, 'watchOrderBook (ccxt.pro) follows the diffs');
await watcher.close();
console.log('all ok');
