import type { ApiClient } from '../shared/api/api-client';
import { fetchCalendarFile } from './booking-api';

/** Fetched with the token in a header (never a URL), then saved through a temporary object URL. */
export async function downloadCalendar(api: ApiClient, manageToken: string, fileName: string): Promise<void> {
  const blob = await fetchCalendarFile(api, manageToken);
  const url = URL.createObjectURL(new Blob([blob], { type: 'text/calendar' }));
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
