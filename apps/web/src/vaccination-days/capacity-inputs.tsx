import { DOSE_KINDS, type DoseKind } from '@vaccinate/api-contracts';
import { useTranslation } from 'react-i18next';

interface CapacityInputsProps {
  values: Record<DoseKind, string>;
  onChange: (values: Record<DoseKind, string>) => void;
  error?: string | undefined;
  errorId: string;
}

/** Places per slot for each dose kind, side by side. */
export function CapacityInputs({ values, onChange, error, errorId }: CapacityInputsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className={error ? 'fieldset field--invalid' : 'fieldset'}>
      <legend className="field__label">{t('days.capacityPerSlot')}</legend>
      <div className="capacity-inputs">
        {DOSE_KINDS.map((kind) => (
          <label key={kind} className="field">
            <span className="field__label">{t(`booking.doseKind.${kind}`)}</span>
            <input
              className="field__input"
              type="number"
              min={0}
              inputMode="numeric"
              name={`capacity-${kind}`}
              value={values[kind]}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => onChange({ ...values, [kind]: event.target.value })}
            />
          </label>
        ))}
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
