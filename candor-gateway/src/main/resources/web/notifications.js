// What the exchange told the user about their funds (holds, withdrawals, deposits, addresses) and the notices for
// everyone (halts, pauses), newest first from GET /v1/notifications, older pages by its `next` cursor. Reading
// marks everything up to the newest shown as read (POST /v1/notifications/read); the mark never moves back.
import {h} from 'preact';
import {useEffect, useState} from 'preact/hooks';
import {api, formatTime} from './api.js';

const PAGE = 20;
// How often the header's unread count is refreshed: the user data stream pushes them too, this is the fallback.
export const UNREAD_POLL_MS = 15000;

export function unreadCount() {
  return api('GET', '/v1/notifications', {limit: 1}).then(page => page.unreadCount);
}

export function NotificationsPage({onRead}) {
  const [befores, setBefores] = useState([null]);
  const [page, setPage] = useState(null);
  const [error, setError] = useState('');
  const [reload, setReload] = useState(0);
  const before = befores[befores.length - 1];
  useEffect(() => {
    let live = true;
    setError('');
    api('GET', '/v1/notifications', before === null ? {limit: PAGE} : {limit: PAGE, before})
      .then(answer => live && setPage(answer), e => live && setError(e.message));
    return () => { live = false; };
  }, [before, reload]);
  const markRead = () => {
    const newest = page.notifications[0];
    api('POST', '/v1/notifications/read', {upToId: newest.id}).then(() => {
      setReload(reload + 1);
      if (onRead) onRead();
    }, e => setError(e.message));
  };
  return h('section', {'aria-labelledby': 'notifications-title', class: 'notifications'},
    h('h1', {id: 'notifications-title'}, 'Notifications'),
    h('p', {class: 'hint'}, 'Every change to the status of your funds is told here: holds and their deadlines, ' +
      'each step of a withdrawal and any missed deadline, new withdrawal addresses, deposits; and notices for ' +
      'everyone, such as a halted market or paused withdrawals.'),
    error && h('p', {class: 'error', role: 'alert'}, error),
    !page ? h('p', {class: 'loading'}, 'Loading…') : [
      h('p', {key: 'c', id: 'notifications-unread', 'aria-live': 'polite'}, page.unreadCount === 0 ? 'Nothing unread.'
        : page.unreadCount + ' unread.',
        page.unreadCount > 0 && befores.length === 1 && page.notifications.length > 0 &&
          h('button', {type: 'button', class: 'mark-read', onClick: markRead}, 'Mark all as read')),
      page.notifications.length === 0 ? h('p', {class: 'empty', key: 'e'}, 'No notifications yet.') :
        h('ol', {class: 'notification-list', key: 'l'}, page.notifications.map(n =>
          h('li', {key: n.id, class: 'notification ' + n.severity + (n.read ? '' : ' unread'), 'data-kind': n.kind},
            h('h2', null, n.title, n.read ? null : h('span', {class: 'badge'}, 'new'),
              n.broadcast ? h('span', {class: 'badge'}, 'for everyone') : null),
            h('p', null, n.body),
            h('p', {class: 'hint'}, formatTime(n.time) + ' · ' + n.severity.replace('_', ' '))))),
      h('nav', {class: 'pager', key: 'n', 'aria-label': 'Pages'},
        h('button', {type: 'button', class: 'previous', disabled: befores.length === 1,
          onClick: () => { setPage(null); setBefores(befores.slice(0, -1)); }}, 'Newer'),
        h('button', {type: 'button', class: 'next', disabled: page.next === null || page.next === undefined,
          onClick: () => { setPage(null); setBefores(befores.concat(page.next)); }}, 'Older'))]);
}
