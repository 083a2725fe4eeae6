/** @jsxImportSource hono/jsx */
import type { StepFormField } from '@loket/core';
import type { FieldError } from '../components';

/** The fields a step records, as `stepForm` resolved them from the step's declaration: one renderer for every kind. */
export const StepFields = ({ fields, errors }: { fields: StepFormField[]; errors: FieldError[] }) => (
  <>
    {fields.map((f) => {
      const error = errors.find((e) => e.field === f.name)?.message;
      const cls = error ? 'field field-error' : 'field';
      const hint = f.hint && <p class="hint">{f.hint}</p>;
      const message = error && (
        <p class="error-message">
          <span class="visually-hidden">Kesalahan: </span>
          {error}
        </p>
      );
      if (f.control === 'checkboxes' || f.control === 'radios') {
        return (
          <fieldset id={f.name} class={cls}>
            <legend>{f.label}</legend>
            {hint}
            {message}
            {f.options?.length ? (
              f.options.map((o) => (
                <div class="check">
                  <input
                    type={f.control === 'radios' ? 'radio' : 'checkbox'}
                    id={`${f.name}-${o.value}`}
                    name={f.name}
                    value={o.value}
                    checked={o.checked}
                  />
                  <label for={`${f.name}-${o.value}`}>{o.label}</label>
                </div>
              ))
            ) : (
              <p>{f.empty}</p>
            )}
          </fieldset>
        );
      }
      return (
        <div class={cls}>
          <label for={f.name}>{f.label}</label>
          {hint}
          {message}
          {f.control === 'select' ? (
            <select id={f.name} name={f.name}>
              <option value="">Pilih</option>
              {f.options?.map((o) => (
                <option value={o.value} selected={o.checked}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : f.control === 'textarea' ? (
            <textarea id={f.name} name={f.name} rows={4}>
              {f.value}
            </textarea>
          ) : (
            <input
              class={f.control === 'date' ? 'input-short' : undefined}
              type={f.control === 'date' ? 'date' : 'text'}
              id={f.name}
              name={f.name}
              value={f.value}
            />
          )}
        </div>
      );
    })}
  </>
);
