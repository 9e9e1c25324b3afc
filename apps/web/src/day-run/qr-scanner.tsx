import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createQrFrameReader } from './qr-frame-reader';

const SCAN_INTERVAL_MS = 200;

/** The device camera looking for a QR code; reports the first code read and stops the camera. */
export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
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
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        const video = videoRef.current;
        if (stopped || !video) return stop();
        video.srcObject = stream;
        await video.play();
        const read = await createQrFrameReader();
        const tick = async () => {
          if (stopped) return;
          const code = await read(video).catch(() => null);
          if (code) {
            stop();
            onCodeRef.current(code);
            return;
          }
          timer = window.setTimeout(() => void tick(), SCAN_INTERVAL_MS);
        };
        void tick();
      } catch {
        // No camera, no permission or no secure context: typing the code still works.
        if (!stopped) setFailed(true);
      }
    })();
    return stop;
  }, []);

  if (failed) return <p className="field__hint" role="status">{t('dayRun.checkIn.cameraUnavailable')}</p>;
  return (
    <div className="qr-scanner">
      <video ref={videoRef} className="qr-scanner__video" muted playsInline aria-label={t('dayRun.checkIn.scanning')} />
      <p className="field__hint" role="status">
        {t('dayRun.checkIn.scanning')}
      </p>
    </div>
  );
}
