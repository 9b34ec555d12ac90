import { useState } from 'react';

import { icoQuestions, icoSource } from '../../../shared/incidents/ico-questions.catalog';
import { call } from '../../api';
import { Button } from '../../components/button';

/** The questions for deciding whether to report, and the ICO's own self-assessment (opened only on a click). */
export function IcoQuestions() {
  const [notOpened, setNotOpened] = useState(false);

  async function open() {
    const result = await call('incidents:open-ico-guide', {});
    setNotOpened(!result.ok || !result.value.opened);
  }

  return (
    <section className="rr-card" aria-labelledby="ico-questions-title">
      <h2 id="ico-questions-title">Deciding whether to report</h2>
      <p>
        You have 72 hours from finding out to decide whether to tell the ICO (the UK data-protection regulator). Work
        through these questions:
      </p>
      <ol className="rr-incidents__questions">
        {icoQuestions.map((q) => (
          <li key={q.id}>
            <strong>{q.question}</strong>
            <p>{q.help}</p>
          </li>
        ))}
      </ol>
      <p className="rr-muted">Source: {icoSource.name}</p>
      <div className="rr-actions">
        <Button onClick={() => void open()}>Open the ICO&apos;s self-assessment in your browser</Button>
      </div>
      {notOpened && (
        <p className="rr-alert rr-alert--info" role="status">
          ReadyRoom could not open your browser here. Type this address into it: {icoSource.selfAssessmentUrl}
        </p>
      )}
    </section>
  );
}
