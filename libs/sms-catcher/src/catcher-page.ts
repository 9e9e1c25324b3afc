import type { CaughtText } from './caught-text';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const LINK = /(https?:\/\/[^\s<>"']+)/;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** The text with its web addresses as links (an offer's link is what a phone would let you tap). */
function withLinks(text: string): string {
  return text
    .split(LINK)
    .map((part, index) => (index % 2 === 1 ? `<a href="${escapeHtml(part)}" rel="noreferrer">${escapeHtml(part)}</a>` : escapeHtml(part)))
    .join('');
}

function delivery(text: CaughtText): string {
  if (!text.delivery) return 'not reported yet';
  return `${text.delivery.status}, answered ${text.delivery.answer === 0 ? 'by nobody (not reachable)' : String(text.delivery.answer)}`;
}

export function renderTextList(texts: CaughtText[]): string {
  const rows = texts
    .map(
      (text) => `<tr>
  <td><time datetime="${escapeHtml(text.receivedAt)}">${escapeHtml(text.receivedAt.replace('T', ' ').slice(0, 19))}</time></td>
  <td>${text.provider === 'twilio' ? 'Twilio' : 'Vonage'}</td>
  <td>${escapeHtml(text.from)}</td>
  <td>${escapeHtml(text.to)}</td>
  <td>${withLinks(text.text)}</td>
  <td>${escapeHtml(delivery(text))}</td>
</tr>`,
    )
    .join('\n');
  const table =
    texts.length === 0
      ? '<p>No text message yet. This page refreshes every 5 seconds.</p>'
      : `<table>
<caption class="visually-hidden">Caught text messages, newest first</caption>
<thead><tr><th scope="col">Received (UTC)</th><th scope="col">Provider</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Text</th><th scope="col">Delivery reported</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5">
<title>SMS catcher (${texts.length})</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #f6f7f9; }
  header { background: #20344c; color: #fff; padding: 0.75rem 1.25rem; }
  main { padding: 1rem 1.25rem; max-width: 80rem; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; padding: 0.45rem 0.6rem; border-bottom: 1px solid #dde1e6; vertical-align: top; overflow-wrap: anywhere; }
  th { background: #eef1f4; }
  a { color: #0b5cad; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
</style>
</head>
<body>
<header>SMS catcher</header>
<main>
<h1>Caught text messages</h1>
${table}
</main>
</body>
</html>
`;
}
