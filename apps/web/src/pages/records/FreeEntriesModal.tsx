import { useState, type FormEvent } from 'react';
import { problemFields } from '../../lib/problemFields';
import { useSaveEntries, type EvidenceRecord } from './api';
import { EntriesModalShell } from './EntriesModalShell';
import { FreeEntries, pairsToEntries, pairsValid, toPairs } from './FreeEntries';

/**
 * Edits the free-form entries of a record whose type defines no fields,
 * under the version that was read. A 412 keeps what the user typed.
 */
export function FreeEntriesModal({
  record,
  onClose,
}: {
  record: EvidenceRecord;
  onClose: () => void;
}) {
  const save = useSaveEntries();
  const [pairs, setPairs] = useState(() => toPairs(record.entries));
  const [touched, setTouched] = useState(false);
  // Free rows are named by the user: their name is the label of an error about them.
  const problem = problemFields(
    save.error,
    Object.fromEntries(pairs.filter((p) => p.name).map((p) => [`entries.${p.name}`, p.name])),
  );
  const error = (name: string) => (name ? problem.error(`entries.${name}`) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!pairsValid(pairs)) return;
    save.mutate({ record, input: pairsToEntries(pairs) }, { onSuccess: onClose });
  };
  return (
    <EntriesModalShell
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      fields={problem}
      saving={save.isPending}
    >
      <FreeEntries pairs={pairs} onChange={setPairs} touched={touched} error={error} />
    </EntriesModalShell>
  );
}
