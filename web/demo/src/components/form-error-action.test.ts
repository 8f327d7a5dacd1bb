import { afterEach, describe, expect, it, vi } from 'vitest'
import { formErrorAction } from './form-error-action'

function filledForm(): HTMLFormElement {
  const form = document.createElement('form')
  form.innerHTML = '<input name="amount" value="12.50"><input name="reference" value="Rent">'
  document.body.append(form)
  return form
}

afterEach(() => {
  document.body.replaceChildren()
})

describe('formErrorAction', () => {
  it('sends the same details again after a passing failure', () => {
    const form = filledForm()
    const submit = vi.spyOn(form, 'requestSubmit').mockImplementation(() => undefined)
    const act = formErrorAction({ current: form })
    act('retry')
    act('wait')
    expect(submit).toHaveBeenCalledTimes(2)
    expect(document.activeElement).toBe(document.body)
  })

  it('takes the person back to the first field when the details were refused', () => {
    const form = filledForm()
    const submit = vi.spyOn(form, 'requestSubmit').mockImplementation(() => undefined)
    formErrorAction({ current: form })('start-again')
    expect(submit).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(form.querySelector('input[name="amount"]'))
  })

  it('does nothing once the form has gone', () => {
    expect(() => formErrorAction({ current: null })('retry')).not.toThrow()
  })
})
