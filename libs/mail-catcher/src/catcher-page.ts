import type { CaughtMessage } from './caught-message';
import { escapeHtml } from './html-escape.util';

const STYLE = `
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #f6f7f9; }
  header { background: #20344c; color: #fff; padding: 0.75rem 1.25rem; }
  header a { color: #fff; }
  main { padding: 1rem 1.25rem; max-width: 70rem; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  th, td { text-align: left; padding: 0.45rem 0.6rem; border-bottom: 1px solid #dde1e6; vertical-align: top; }
  th { background: #eef1f4; }
  a { color: #0b5cad; }
  iframe { width: 100%; height: 70vh; border: 1px solid #c9ced6; background: #fff; }
  pre { white-space: pre-wrap; background: #fff; border: 1px solid #c9ced6; padding: 0.75rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: 600; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

function layout(title: string, body: string, refreshSeconds?: number): string {
  const refresh = refreshSeconds === undefined ? '' : `<meta http-equiv="refresh" content="${refreshSeconds}">`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refresh}
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><a href="/">Mail catcher</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

export function renderMessageList(messages: CaughtMessage[]): string {
  const rows = messages
    .map(
      (message) => `<tr>
  <td><time datetime="${escapeHtml(message.receivedAt)}">${escapeHtml(message.receivedAt.replace('T', ' ').slice(0, 19))}</time></td>
  <td>${escapeHtml(message.to.join(', '))}</td>
  <td><a href="/messages/${encodeURIComponent(message.id)}">${escapeHtml(message.subject || '(no subject)')}</a></td>
  <td>${message.attachments.length}</td>
</tr>`,
    )
    .join('\n');
  const table =
    messages.length === 0
      ? '<p>No mail yet. This page refreshes every 5 seconds.</p>'
      : `<table>
<caption class="visually-hidden">Caught mail, newest first</caption>
<thead><tr><th scope="col">Received (UTC)</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Attachments</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return layout(`Mail catcher (${messages.length})`, `<h1>Caught mail</h1>\n${table}`, 5);
}

export function renderMessagePage(message: CaughtMessage): string {
  const base = `/api/messages/${encodeURIComponent(message.id)}`;
  const attachments = message.attachments
    .map(
      (attachment, index) =>
        `<li><a href="${base}/attachments/${index}" download="${escapeHtml(attachment.filename)}">${escapeHtml(attachment.filename)}</a> (${escapeHtml(attachment.contentType)}, ${attachment.size} bytes${attachment.inline ? ', inline' : ''})</li>`,
    )
    .join('\n');
  // The mail's HTML is shown from its own URL in a sandbox without scripts, forms or same-origin access.
  const html =
    message.html === undefined
      ? '<p>This mail has no HTML part.</p>'
      : `<iframe sandbox="" referrerpolicy="no-referrer" title="HTML part of the mail" src="/messages/${encodeURIComponent(message.id)}/html"></iframe>`;
  const body = `<h1>${escapeHtml(message.subject || '(no subject)')}</h1>
<dl>
  <dt>From</dt><dd>${escapeHtml(message.from)}</dd>
  <dt>To</dt><dd>${escapeHtml(message.to.join(', '))}</dd>
  <dt>Received</dt><dd><time datetime="${escapeHtml(message.receivedAt)}">${escapeHtml(message.receivedAt)}</time></dd>
  <dt>Message-ID</dt><dd>${escapeHtml(message.messageId ?? '')}</dd>
</dl>
<h2>HTML</h2>
${html}
<h2>Text</h2>
<pre>${escapeHtml(message.text ?? '(no text part)')}</pre>
<h2>Attachments</h2>
${attachments ? `<ul>\n${attachments}\n</ul>` : '<p>None.</p>'}
<p><a href="${base}">JSON</a></p>`;
  return layout(message.subject || 'Mail', body);
}

/** The mail's own HTML with `cid:` images pointed at the attachment URLs, so inline images show. */
export function mailHtmlForViewer(message: CaughtMessage): string {
  const base = `/api/messages/${encodeURIComponent(message.id)}/attachments/`;
  return (message.html ?? '').replace(/(["'(])cid:([^"')\s]+)/gi, (whole, quote: string, rawCid: string) => {
    const cid = safeDecode(rawCid);
    const index = message.attachments.findIndex((attachment) => attachment.contentId === cid);
    return index < 0 ? whole : `${quote}${base}${index}`;
  });
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
