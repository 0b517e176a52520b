/**
 * Conversation topics an adviser team really has with clients. Lines alternate between the adviser
 * ('a') and the client ('c'); {client}, {adviser}, {provider} and {taxYear} are filled in per conversation.
 */

export interface ScriptLine {
  by: 'a' | 'c'
  text: string
}

export interface Topic {
  title: string
  tag: string
  /** Whether the topic usually runs as a case with a value (e.g. a transfer or a mortgage). */
  caseName?: string
  lines: ScriptLine[]
}

export const PROVIDERS = ['Aviva', 'Royal London', 'Scottish Widows', 'Legal & General', 'Aegon', 'Standard Life', 'Quilter', 'Fidelity', 'Nucleus', 'Transact'] as const

export const TOPICS: readonly Topic[] = [
  {
    title: 'Annual review {taxYear}',
    tag: 'Annual review',
    lines: [
      { by: 'a', text: "Hi {client}, it's that time of year again — I'd like to book in your annual review. Are you free any afternoon in the week of the 14th?" },
      { by: 'c', text: 'Hi {adviser}, Thursday afternoon works for us. Should we bring anything?' },
      { by: 'a', text: "Thursday at 2pm is booked. If you could bring your latest P60s and any pension statements that have arrived since we last met, that would be great." },
      { by: 'c', text: "Will do. We've also had a letter about the {provider} plan — I'll bring that too." },
      { by: 'a', text: "Perfect, thank you. I'll send the review pack over the day before so you have time to read it." },
      { by: 'c', text: 'Thanks, see you Thursday.' },
      { by: 'a', text: "Thanks both for your time today. I've uploaded the meeting notes and the updated cashflow forecast to your portal." },
      { by: 'c', text: 'Got them, thank you. All looks clear.' },
    ],
  },
  {
    title: 'ISA allowance {taxYear}',
    tag: 'ISA',
    lines: [
      { by: 'a', text: "Hi {client}, a quick reminder that the £20,000 ISA allowance resets on 6 April. You've used £12,500 so far this tax year — would you like to top up before then?" },
      { by: 'c', text: 'Yes please, I can move another £7,500 across from my savings account next week.' },
      { by: 'a', text: "Great. I'll send the subscription form for your stocks and shares ISA with {provider} — it only needs an e-signature." },
      { by: 'c', text: "Signed. The money should land on Tuesday." },
      { by: 'a', text: "Received and invested in line with your balanced portfolio. You've now used your full allowance for the year." },
      { by: 'c', text: 'Brilliant, thanks {adviser}.' },
    ],
  },
  {
    title: 'Pension transfer – {provider}',
    tag: 'Pensions',
    caseName: 'Pension transfer',
    lines: [
      { by: 'a', text: "Hi {client}, we've received the transfer value from your old workplace scheme. I'm reviewing the benefits before we recommend anything." },
      { by: 'c', text: "Thanks. Is there anything we'd lose by moving it?" },
      { by: 'a', text: "There's no guaranteed annuity rate or protected tax-free cash on this one, so nothing valuable would be lost. I'll put it all in the suitability report." },
      { by: 'c', text: "That's reassuring. How long does a transfer usually take?" },
      { by: 'a', text: 'Usually four to six weeks once {provider} have the signed paperwork. I will chase them weekly.' },
      { by: 'c', text: "OK. I've signed the discharge forms and posted them today." },
      { by: 'a', text: 'Thank you — {provider} confirmed receipt this morning.' },
      { by: 'a', text: "Good news: the transfer has completed and the funds are invested. You'll see the new plan in your portal." },
    ],
  },
  {
    title: 'Remortgage – fixed rate ending',
    tag: 'Mortgage',
    caseName: 'Remortgage',
    lines: [
      { by: 'a', text: 'Hi {client}, your five-year fixed rate ends in four months, so now is a good time to look at a new deal.' },
      { by: 'c', text: "Thanks for the reminder. We'd like to overpay a little too if possible." },
      { by: 'a', text: "Noted — I'll look for products that allow 10% overpayments a year. Could you upload your last three payslips?" },
      { by: 'c', text: "Uploaded. My partner's will follow tonight." },
      { by: 'a', text: "I've found a two-year fix and a five-year fix worth comparing. I'll send a summary with the monthly costs of each." },
      { by: 'c', text: "We'd lean towards the five-year for certainty." },
      { by: 'a', text: 'Application submitted. The lender has instructed a desktop valuation.' },
      { by: 'a', text: 'Offer received — congratulations! It switches over automatically when your current deal ends.' },
    ],
  },
  {
    title: 'Life cover review',
    tag: 'Protection',
    caseName: 'Protection review',
    lines: [
      { by: 'a', text: "Hi {client}, now that the extension is finished and the mortgage has gone up, I'd like to check your life cover still fits." },
      { by: 'c', text: "Good idea — we haven't looked at it since Ava was born." },
      { by: 'a', text: "I'll compare decreasing term cover for the mortgage with level term for family protection. Any changes to your health since we last spoke?" },
      { by: 'c', text: 'Nothing new, apart from a knee operation last year.' },
      { by: 'a', text: 'Thanks. I have quotes from three insurers; the best value is about £38 a month for both of you. Shall I set up a call to go through them?' },
      { by: 'c', text: 'Yes please, any evening after 6.' },
    ],
  },
  {
    title: 'Inheritance tax and wills',
    tag: 'New business',
    lines: [
      { by: 'c', text: "Hi {adviser}, we've been reading about inheritance tax changes. Should we be worried?" },
      { by: 'a', text: 'Good question, {client}. With pensions coming into the estate from April 2027 it is worth reviewing. Are your wills up to date?' },
      { by: 'c', text: 'They were written in 2012, before the grandchildren.' },
      { by: 'a', text: "Then I'd suggest updating them. I can introduce you to a solicitor we work with, and we can look at gifting from surplus income." },
      { by: 'c', text: 'Please do.' },
      { by: 'a', text: "Introduction made — they'll be in touch this week. I'll model the gifting options before our next meeting." },
    ],
  },
  {
    title: 'Onboarding documents',
    tag: 'Documents needed',
    lines: [
      { by: 'a', text: 'Welcome to Harbour & Vale, {client}! To get started we need photo ID and a proof of address dated in the last three months.' },
      { by: 'c', text: "Hi {adviser}, I've uploaded my passport. Is a council tax bill OK for the address?" },
      { by: 'a', text: 'A council tax bill is perfect, thank you.' },
      { by: 'c', text: 'Done.' },
      { by: 'a', text: "All verified. Next step is the fact-find — it's in your portal and takes about 30 minutes." },
      { by: 'c', text: "I'll do it this weekend." },
    ],
  },
  {
    title: 'Drawdown income change',
    tag: 'Pensions',
    lines: [
      { by: 'c', text: "Hi {adviser}, could we increase my monthly income from the drawdown plan? The boiler needs replacing." },
      { by: 'a', text: "Of course, {client}. Would you prefer a one-off withdrawal or a higher monthly amount? A one-off lump sum may be more tax-efficient this year." },
      { by: 'c', text: 'A one-off £4,000 would cover it.' },
      { by: 'a', text: "I've checked the tax position: 25% of it comes tax free and the rest is taxed at 20%. I'll request it from {provider} today." },
      { by: 'c', text: 'Thank you, that is a weight off.' },
      { by: 'a', text: 'The payment is due to reach your bank on Friday.' },
    ],
  },
  {
    title: 'Junior ISA for the children',
    tag: 'ISA',
    lines: [
      { by: 'c', text: "Hi {adviser}, the grandparents want to put some money aside for the children. What's the best way?" },
      { by: 'a', text: 'Hi {client}, a Junior ISA is usually the simplest: up to £9,000 a year each, tax free, and locked until they turn 18.' },
      { by: 'c', text: 'Can the grandparents pay in directly?' },
      { by: 'a', text: 'Yes — once you open the accounts as parents, anyone can contribute. I will send the application links.' },
      { by: 'c', text: 'Both accounts opened, thanks!' },
    ],
  },
  {
    title: 'Market volatility check-in',
    tag: 'Annual review',
    lines: [
      { by: 'c', text: "Hi {adviser}, I saw the markets fell sharply this week. Should we move to cash?" },
      { by: 'a', text: "Hi {client}, I understand the worry. Your plan already holds two years' income in cash, so nothing needs selling at a low point." },
      { by: 'c', text: "That's good to hear. I'd forgotten about the cash buffer." },
      { by: 'a', text: "Drops like this are normal over a 20-year horizon. Happy to talk it through by phone if that helps." },
      { by: 'c', text: "No need, that's reassuring. Thanks." },
    ],
  },
  {
    title: 'Salary sacrifice pension',
    tag: 'Pensions',
    lines: [
      { by: 'c', text: 'Hi {adviser}, my employer now offers salary sacrifice into the pension. Is it worth doing?' },
      { by: 'a', text: "Usually yes, {client} — you save National Insurance as well as income tax. It would also bring your adjusted income under £100,000, so you'd keep your personal allowance." },
      { by: 'c', text: 'How much should I sacrifice?' },
      { by: 'a', text: "About £6,000 a year gets you under the threshold. I'll send the figures so you can give them to HR." },
      { by: 'c', text: 'Sent to HR, thank you!' },
    ],
  },
  {
    title: 'Ongoing service agreement',
    tag: 'Documents needed',
    lines: [
      { by: 'a', text: "Hi {client}, we've updated our ongoing service agreement to reflect the new fee tiers. Could you review and e-sign it in the portal?" },
      { by: 'c', text: 'Will the fee change for us?' },
      { by: 'a', text: "No — yours stays at 0.75% a year, capped at £3,000. The update only adds the new cashflow planning service." },
      { by: 'c', text: 'Signed.' },
      { by: 'a', text: 'Thank you, received.' },
    ],
  },
] as const

/** Filler lines for longer threads, after a topic's script runs out. */
export const FOLLOW_UPS: readonly ScriptLine[] = [
  { by: 'a', text: 'Just checking in, {client} — did you get a chance to look at the documents I sent?' },
  { by: 'c', text: 'Sorry for the delay, {adviser}. Looking at them this evening.' },
  { by: 'a', text: 'No rush at all. Let me know if anything is unclear.' },
  { by: 'c', text: 'All makes sense. Happy to go ahead.' },
  { by: 'a', text: "Thanks, I'll get that moving today." },
  { by: 'c', text: 'Could we have a quick call on Monday?' },
  { by: 'a', text: "Monday at 10am works. I'll call your mobile." },
]
