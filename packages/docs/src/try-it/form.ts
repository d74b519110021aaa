// The parameter fields of one operation, generated from the model: a labelled field per path and query
// parameter with its type and limits, enums as selects, one-or-many filters as repeatable fields,
// required ones marked. No browser validation blocks Send: sending a bad value to see the API's 400 is
// part of trying an API.
import { el } from './dom.js';
import type { ModelOperation, ModelParameter } from './model.js';
import { paramKey, type FormValues } from './request.js';

/** The fields of an operation's parameters. */
export interface ParameterFields {
  element: HTMLElement;
  /** Every non-empty value by parameter key. */
  values(): FormValues;
  /** Sets the first value of each parameter (by key) the reader has not edited yet. */
  prefill(values: Record<string, string>): void;
}

/** One line on a parameter: its type and limits (`integer · 1 to 100 · default 20 · one or many`). */
export function parameterHint(param: ModelParameter): string {
  const parts = [param.format && param.format !== 'int32' && param.format !== 'int64' ? `${param.type} (${param.format})` : param.type];
  if (param.minimum !== undefined && param.maximum !== undefined) parts.push(`${param.minimum} to ${param.maximum}`);
  else if (param.minimum !== undefined) parts.push(`at least ${param.minimum}`);
  else if (param.maximum !== undefined) parts.push(`at most ${param.maximum}`);
  if (param.maxLength !== undefined) parts.push(`${param.minLength ?? 0} to ${param.maxLength} characters`);
  if (param.pattern) parts.push(`matches ${param.pattern}`);
  if (param.default !== undefined) parts.push(`default ${param.default}`);
  if (param.many) parts.push('one or many');
  return parts.join(' · ');
}

/** A select for an enum, else a text field (numbers too, so a wrong value can still be sent). */
function valueField(param: ModelParameter, id: string, hintId: string, label?: string): HTMLInputElement | HTMLSelectElement {
  const common = {
    id,
    name: paramKey(param),
    'aria-describedby': hintId,
    'aria-label': label,
    'aria-required': param.required ? 'true' : undefined,
  };
  if (param.enum) {
    const empty = param.default !== undefined ? `(not sent: default ${param.default})` : '(not sent)';
    return el(
      'select',
      common,
      el('option', { value: '' }, empty),
      ...param.enum.map((option) => el('option', { value: String(option) }, String(option))),
    );
  }
  return el('input', {
    ...common,
    type: 'text',
    inputmode: param.type === 'integer' || param.type === 'number' ? 'numeric' : undefined,
    placeholder: param.default !== undefined ? String(param.default) : undefined,
    autocomplete: 'off',
    spellcheck: 'false',
  });
}

/** The fields for `operation`'s parameters; ids start with `prefix`. */
export function parameterFields(operation: ModelOperation, prefix: string): ParameterFields {
  const touched = new Set<string>();
  const firsts = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const groups: Record<'path' | 'query', HTMLElement[]> = { path: [], query: [] };

  for (const param of operation.params) {
    const id = `${prefix}-${param.in}-${param.name}`;
    const hintId = `${id}-hint`;
    const first = valueField(param, id, hintId);
    first.addEventListener('input', () => touched.add(paramKey(param)));
    firsts.set(paramKey(param), first);
    const values = el('div', { class: 'ti-values' }, first);
    const row = el(
      'div',
      { class: 'ti-param' },
      el('label', { for: id }, el('code', {}, param.name), param.required ? el('span', { class: 'ti-required' }, 'required') : null),
      el('span', { class: 'ti-hint', id: hintId }, parameterHint(param)),
      values,
    );
    if (param.many) {
      let count = 1;
      const add = el('button', { type: 'button', class: 'ti-small' }, `Add a ${param.name} value`);
      add.addEventListener('click', () => {
        count += 1;
        const field = valueField(param, `${id}-${count}`, hintId, `${param.name}, value ${count}`);
        const remove = el('button', { type: 'button', class: 'ti-small', 'aria-label': `Remove ${param.name} value ${count}` }, 'Remove');
        const line = el('div', { class: 'ti-extra' }, field, remove);
        remove.addEventListener('click', () => {
          line.remove();
          add.focus();
        });
        values.append(line);
        field.focus();
      });
      row.append(add);
    }
    groups[param.in].push(row);
  }

  const fieldset = (legend: string, rows: HTMLElement[]) => (rows.length ? el('fieldset', {}, el('legend', {}, legend), ...rows) : null);
  const element = el('div', {}, fieldset('Path parameters', groups.path), fieldset('Query parameters', groups.query));
  return {
    element,
    values() {
      const out: FormValues = {};
      for (const field of element.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')) {
        const value = field.value.trim();
        if (value) (out[field.name] ??= []).push(value);
      }
      return out;
    },
    prefill(values) {
      for (const [key, field] of firsts) if (!touched.has(key) && key in values) field.value = values[key] ?? '';
    },
  };
}
