import { useEffect, useRef, useState } from 'react';
import { createQrFrameReader } from './qr-frame-reader';

const SCAN_INTERVAL_MS = 200;

/** Whether this browser can show a camera at all (a secure context with media devices). */
export function cameraAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/**
 * The device camera looking for a QR code (a booking at check-in, a certificate on the verify page);
 * reports the first code read and stops the camera. Without a camera, `unavailable` says what else to do.
 */
export function QrScanner({ label, unavailable, hint, onCode }: { label: string; unavailable: string; hint?: string; onCode: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const stop = () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        const element = video.current;
        if (stopped || !element) return stop();
        element.srcObject = stream;
        await element.play();
        const read = await createQrFrameReader();
        const tick = async () => {
          if (stopped) return;
          const code = await read(element).catch(() => null);
          if (code) {
            stop();
            onCodeRef.current(code);
            return;
          }
          timer = window.setTimeout(() => void tick(), SCAN_INTERVAL_MS);
        };
        void tick();
      } catch {
        // No camera, no permission or no secure context: typing or pasting the code still works.
        if (!stopped) setFailed(true);
      }
    })();
    return stop;
  }, []);

  if (failed)
    return (
      <p className="field__hint" role="status">
        {unavailable}
      </p>
    );
  return (
    <div className="qr-scanner">
      <video ref={video} className="qr-scanner__video" muted playsInline aria-label={label} />
      {hint ? (
        <p className="field__hint" role="status">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
