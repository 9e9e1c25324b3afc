import type { Questionnaire } from '@vaccinate/api-contracts';
import { useTranslation } from 'react-i18next';

/** The questions for reading: key, both languages and when an answer is flagged. */
export function QuestionnaireTable({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('questionnaire.title')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('questionnaire.columns.key')}</th>
            <th scope="col">{t('questionnaire.columns.de')}</th>
            <th scope="col">{t('questionnaire.columns.en')}</th>
            <th scope="col">{t('questionnaire.columns.flag')}</th>
          </tr>
        </thead>
        <tbody>
          {questionnaire.questions.map((question, index) => (
            <tr key={question.key}>
              <td className="num">{index + 1}</td>
              <th scope="row" className="table__code">
                {question.key}
              </th>
              <td lang="de">{question.text.de}</td>
              <td lang="en">{question.text.en}</td>
              <td>{t(`questionnaire.flagShort.${question.flagWhen ?? 'none'}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
