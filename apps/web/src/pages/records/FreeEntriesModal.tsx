import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client';
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
  const error = (name: string) =>
    isApiError(save.error) && name ? save.error.fieldError(`entries.${name}`) : undefined;
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
      saving={save.isPending}
    >
      <FreeEntries pairs={pairs} onChange={setPairs} touched={touched} error={error} />
    </EntriesModalShell>
  );
}
