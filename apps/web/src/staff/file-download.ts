/** Saves a fetched file (a CSV export, say) through a temporary object URL; the token never goes into a URL. */
export function saveFile(blob: Blob, fileName: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([blob], { type }));
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    // Revoked after the click has been handled, so the download has its data.
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
}
