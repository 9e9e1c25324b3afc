import type { DoseKind } from '@vaccinate/api-contracts';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { doseKindsFor, reservesFollowUp, type CatalogueProduct } from './dose-kinds.util';

interface VaccineChoiceProps {
  products: readonly CatalogueProduct[];
  productId: string | null;
  doseKind: DoseKind | null;
  onProduct: (productId: string) => void;
  /** `byPointer`: chosen with a click or tap, not with the arrow keys. */
  onDoseKind: (doseKind: DoseKind, byPointer: boolean) => void;
}

/** The vaccine as buttons named by the product, then the dose kinds that make sense for it. */
export function VaccineChoice({ products, productId, doseKind, onProduct, onDoseKind }: VaccineChoiceProps) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const product = products.find((candidate) => candidate.id === productId);
  const pointerDown = useRef(false);

  if (products.length === 0) return <p className="empty-note">{t('booking.vaccine.none')}</p>;

  return (
    <>
      <ul className="choice-list" aria-label={t('booking.vaccine.products')}>
        {products.map((candidate) => {
          const metaId = `${idPrefix}-${candidate.id}`;
          return (
            <li key={candidate.id}>
              <button type="button" className="choice" aria-pressed={candidate.id === productId} aria-describedby={metaId} onClick={() => onProduct(candidate.id)}>
                <span className="choice__title">{candidate.name}</span>
              </button>
              <p id={metaId} className="choice__meta">
                {candidate.manufacturer}
                {' · '}
                {candidate.primaryDoses > 1 ? t('booking.vaccine.series', { count: candidate.primaryDoses }) : t('booking.vaccine.single')}
              </p>
            </li>
          );
        })}
      </ul>
      {product ? (
        <fieldset className="radio-group" onPointerDown={() => (pointerDown.current = true)} onKeyDown={() => (pointerDown.current = false)}>
          <legend className="field__label">{t('booking.doseKind.legend')}</legend>
          {doseKindsFor(product).map((kind) => (
            <label key={kind} className="radio">
              <input
                type="radio"
                name="dose-kind"
                value={kind}
                checked={doseKind === kind}
                onChange={() => {
                  onDoseKind(kind, pointerDown.current);
                  pointerDown.current = false;
                }}
              />
              <span>{t(`booking.doseKind.${kind}`)}</span>
            </label>
          ))}
          {doseKind && reservesFollowUp(product, doseKind) ? <p className="field__hint">{t('booking.doseKind.followUpReserved')}</p> : null}
        </fieldset>
      ) : null}
    </>
  );
}
