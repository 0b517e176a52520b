import { test, expect } from './fixtures/web-preview'
import { sandboxRequests } from './fixtures/sandbox'
import { circleRows, circlesHeading, goToView, signInWithToken, tokenField, waitForAllCircles, welcomeHeading } from './fixtures/screens'
import { SANDBOX_TOKENS, tokenFingerprint } from './fixtures/tokens'

test('a user with logins at two firms chooses an account and sees that firm’s circles', async ({ app: page, preview, request }) => {
  await signInWithToken(page, SANDBOX_TOKENS.multiFirm)

  await expect(page.getByRole('heading', { level: 1, name: 'Choose an account' })).toBeVisible()
  const accounts = page.getByRole('radio')
  expect(await accounts.count()).toBeGreaterThanOrEqual(2)
  // One of them is picked already, so Continue always has something to open.
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(1)

  // Priya works at Harbour & Vale and at Northgate (sandbox fixed cast); she picks Northgate.
  const northgate = page.getByRole('radio', { name: /Northgate/ })
  const chosenUuid = await northgate.inputValue()
  await northgate.check()
  await page.getByRole('button', { name: 'Continue' }).click()

  // Signed in, the app opens on Conversations; the circles are one click away.
  await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
  await goToView(page, 'Circles')
  await expect(circlesHeading(page)).toBeVisible()
  const total = await waitForAllCircles(page)
  expect(total).toBeGreaterThan(0)
  await expect(circleRows(page).first()).toBeVisible()
  const signedIn = page.getByRole('region', { name: 'Signed in' })
  await expect(signedIn).toContainText('Priya Shah')
  await expect(signedIn).toContainText('Northgate')
  await expect(signedIn.getByText('Demo workspace')).toHaveCount(0)

  // The circles came from Plannr (the sandbox) for the chosen account, with the user's own token.
  const circleRequests = (await sandboxRequests(request, preview.sandboxUrl)).filter((entry) => /\/circles$/.test(entry.path))
  expect(circleRequests.length).toBeGreaterThan(0)
  for (const entry of circleRequests) {
    expect(entry.headers['x-plannr-account-uuid']).toBe(chosenUuid)
    expect(entry.headers['authorization']).toBe(`Bearer ${tokenFingerprint(SANDBOX_TOKENS.multiFirm)}`)
  }
})

test('a wrong token is explained at the field and what was typed stays there', async ({ app: page, preview, request }) => {
  const wrong = 'plannr-this-token-is-wrong'
  await signInWithToken(page, wrong)

  const error = page.getByRole('alert')
  await expect(error).toContainText('Plannr did not accept that token')
  await expect(tokenField(page)).toHaveValue(wrong)
  await expect(tokenField(page)).toHaveAttribute('aria-invalid', 'true')
  await expect(tokenField(page)).toHaveAccessibleDescription(/Plannr did not accept that token/)
  await expect(tokenField(page)).toBeFocused()
  await expect(welcomeHeading(page)).toBeVisible()

  // The token really went to Plannr (the sandbox), which refused it.
  const refused = (await sandboxRequests(request, preview.sandboxUrl)).filter(
    (entry) => entry.headers['authorization'] === `Bearer ${tokenFingerprint(wrong)}`,
  )
  expect(refused.length).toBeGreaterThan(0)
  expect(refused.every((entry) => entry.status === 401)).toBe(true)

  // Nothing pasted: the contract's own words, at the same place.
  await tokenField(page).fill('')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText('Paste your personal access token')

  // The page keeps working: the right token still gets in.
  await tokenField(page).fill(SANDBOX_TOKENS.adviser)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
})

test('a user whose Plannr login names a preferred account goes straight in, to that account’s circles', async ({ app: page, preview, request }) => {
  await signInWithToken(page, SANDBOX_TOKENS.preferred)

  // Signed in, the app opens on Conversations; the circles are one click away.
  await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
  await goToView(page, 'Circles')
  await expect(circlesHeading(page)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Choose an account' })).toHaveCount(0)
  await waitForAllCircles(page)
  // Daniel's preferred account is at Northgate (sandbox fixed cast), not the first of his two logins.
  const signedIn = page.getByRole('region', { name: 'Signed in' })
  await expect(signedIn).toContainText('Daniel Hughes')
  await expect(signedIn).toContainText('Northgate')

  const circleRequests = (await sandboxRequests(request, preview.sandboxUrl)).filter((entry) => /\/circles$/.test(entry.path))
  expect(circleRequests.length).toBeGreaterThan(0)
  expect(circleRequests.every((entry) => entry.headers['authorization'] === `Bearer ${tokenFingerprint(SANDBOX_TOKENS.preferred)}`)).toBe(true)
  expect(circleRequests.every((entry) => Boolean(entry.headers['x-plannr-account-uuid']))).toBe(true)
})
