import type { DomainDefinition } from '../types';

const domain = 'financial-management' as const;

export const financialManagement: DomainDefinition = {
  id: domain,
  name: 'Financial Management & Capital Efficiency',
  description:
    'How well the company predicts and controls cash, understands what each customer and product earns, and turns money spent into measurable return.',
  questions: [
    {
      id: 'fin-01',
      domain,
      topic: 'cash-flow forecasting',
      prompt: 'How far ahead do you forecast cash, and how accurate is the forecast?',
      options: [
        'We forecast cash weekly for 13 weeks and it is within 5% of actuals',
        'We forecast monthly for the next 6–12 months and it is usually within 10–15%',
        'We have an annual budget but only look at cash when the bank balance moves',
        'We check the bank balance and hope; surprises happen every few months',
        'We have been caught short in the last year and had to delay payroll or suppliers',
      ],
      followUps: [
        { id: 'fin-01-f1', prompt: 'What was the last cash surprise, and what caused it?' },
        { id: 'fin-01-f2', prompt: 'Who builds the forecast today, and how long does it take them?' },
      ],
      weakPractice: 'Cash flow is not forecast beyond the current month, so shortfalls arrive as surprises.',
      strength: 'Rolling 13-week cash-flow forecast that tracks closely to actuals.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Start a rolling 13-week cash forecast',
          action:
            'Build a simple weekly sheet of expected receipts and payments for 13 weeks from bank data and the sales pipeline. Update it every Monday and compare last week’s forecast to actuals.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
        {
          horizon: '30-90-days',
          title: 'Link the forecast to your accounting system',
          action:
            'Use a forecasting tool or a connected spreadsheet that pulls invoices and bills from the accounting system, so the forecast updates itself and variances are visible.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.1,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
        {
          horizon: 'strategic',
          title: 'Run scenario planning each quarter',
          action:
            'Model a downside, base and upside case each quarter with the trigger points (for example two lost large customers) that would make you cut costs or raise funds.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'fin-02',
      domain,
      topic: 'unit economics',
      prompt: 'How well do you know the profit you make on each customer, product or contract?',
      options: [
        'We know contribution margin by customer and product monthly and act on it (repricing or exiting unprofitable ones)',
        'We know gross margin by product line and roughly by major customer',
        'We know overall gross margin but not which products or customers drive it',
        'We know revenue and total costs but cannot split margin at all',
        'We suspect some of our biggest customers lose us money but have never checked',
      ],
      followUps: [
        { id: 'fin-02-f1', prompt: 'Which customers or products do you suspect are unprofitable?' },
        { id: 'fin-02-f2', prompt: 'What data would you need to work out margin per customer?' },
      ],
      weakPractice:
        'Margin is not known by customer or product, so unprofitable work is invisible and keeps growing.',
      strength: 'Contribution margin is tracked by customer and product and drives pricing decisions.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Calculate margin for your top 20 customers',
          action:
            'For the 20 largest customers, subtract direct costs (delivery time, materials, support, discounts) from revenue for the last 12 months. Rank them and flag any below your target margin.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.6,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.3,
          strategicImpact: 0.6,
        },
        {
          horizon: '30-90-days',
          title: 'Reprice or restructure loss-making accounts',
          action:
            'For each account below target margin, decide to reprice, change the service scope, or exit at renewal. Agree the plan with the account owner and track the margin change.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.8,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.3,
          strategicImpact: 0.5,
        },
        {
          horizon: 'strategic',
          title: 'Build monthly margin reporting by segment',
          action:
            'Set up cost allocation in the accounts (cost centres, time tracking or job costing) so margin by product, customer and segment is reported every month.',
          impact: 'medium',
          effort: 'high',
          revenueImpact: 0.5,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.3,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'fin-03',
      domain,
      topic: 'working capital and debtor days',
      prompt: 'How quickly do customers pay you, and how actively do you manage it?',
      options: [
        'Debtor days are under 35, tracked weekly, with automated reminders and a named person chasing',
        'Debtor days are 35–50 and we chase overdue invoices regularly',
        'Debtor days are 50–70; we chase when we notice',
        'Debtor days are over 70 and we often discover overdue invoices late',
        'We do not know our debtor days; invoicing itself is often late or wrong',
      ],
      followUps: [
        { id: 'fin-03-f1', prompt: 'Roughly how much cash is tied up in overdue invoices today?' },
        { id: 'fin-03-f2', prompt: 'What has stopped you from invoicing or collecting faster?' },
      ],
      weakPractice:
        'Customer payments are slow and not actively chased, tying up cash the business needs to grow.',
      strength: 'Tight working-capital control with low debtor days and systematic collection.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Clear the overdue ledger',
          action:
            'Pull the aged debtors report, assign every invoice over 30 days overdue to a named person, and call each customer this week. Agree payment dates and log them.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.1,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Automate invoicing and reminders',
          action:
            'Invoice on the day work is delivered or a milestone is met, and switch on automatic reminders at 7 days before, on, and 7 and 14 days after the due date.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.1,
          strategicImpact: 0.3,
        },
        {
          horizon: 'strategic',
          title: 'Renegotiate payment terms',
          action:
            'Move new contracts to shorter terms, upfront deposits or direct debit, and align supplier terms so you are not funding customers with your own cash.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.6,
        },
      ],
    },
    {
      id: 'fin-04',
      domain,
      topic: 'budgeting and variance review',
      prompt: 'How do you set and use your budget during the year?',
      options: [
        'An annual budget built with each budget holder, reviewed monthly against actuals, with a reforecast each quarter',
        'An annual budget reviewed against actuals most months',
        'A budget exists but is rarely compared with actuals after the first quarter',
        'A top-line revenue target only; costs are not budgeted',
        'We have no budget',
      ],
      weakPractice:
        'The budget is not used to steer the business, so overspends and shortfalls are spotted late.',
      strength: 'A budget owned by budget holders, reviewed monthly and reforecast quarterly.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Hold a monthly budget-versus-actual review',
          action:
            'Within ten days of month end, review actuals against budget line by line with each budget holder, and note actions for any variance over 10%.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Give every cost a budget holder',
          action:
            'Assign each cost line to a named manager who approves the spend and explains the variance. Include budget performance in their objectives.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.1,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'fin-05',
      domain,
      topic: 'management accounts',
      prompt: 'How soon after month end do you have reliable management accounts?',
      options: [
        'Within 5 working days, with commentary on the key movements',
        'Within 10 working days, mostly reliable',
        'Within 3–4 weeks, often with later corrections',
        'Only at quarter end or when the accountant gets to it',
        'We only see figures at the year-end accounts',
      ],
      weakPractice:
        'Management accounts arrive late or unreliable, so decisions are made on out-of-date numbers.',
      strength: 'Reliable management accounts within a week of month end.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Set a month-end close calendar',
          action:
            'Write a day-by-day close checklist (bank reconciliation, accruals, payroll, revenue recognition) with owners, and set a target of day 10, then day 5.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Bring in part-time finance leadership',
          action:
            'If no one in-house owns the close, engage a fractional finance director or a bookkeeping firm that commits to a five-day close and a monthly pack with commentary.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.6,
        },
      ],
    },
    {
      id: 'fin-06',
      domain,
      topic: 'return on investment tracking',
      prompt:
        'When you make a significant investment (a hire, a system, a marketing campaign), how do you check it paid off?',
      options: [
        'Each investment has an expected return written down in advance and we review the actual result',
        'We review the results of large investments, though the targets were not always set in advance',
        'We have a feel for what worked, but nothing is measured',
        'We rarely look back at past investments',
        'We keep spending on things without knowing whether they have ever paid back',
      ],
      weakPractice:
        'Investments are made without an expected return and never reviewed, so poor spend continues.',
      strength: 'Significant investments carry an expected return that is checked against results.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Review the last five big investments',
          action:
            'List the five largest spends or hires of the past year, write down what each was meant to achieve, and compare with what happened. Stop or fix any that clearly failed.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Introduce a one-page investment case',
          action:
            'Require a one-page case for any spend over an agreed threshold: cost, expected benefit, payback period and how it will be measured. Review it six months later.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.6,
        },
      ],
    },
    {
      id: 'fin-07',
      domain,
      topic: 'runway and funding plan',
      prompt: 'How well do you understand your cash runway and how you will fund the next stage of growth?',
      options: [
        'We know our runway under several scenarios and have a funding plan agreed with the board 12+ months ahead',
        'We know our runway and have a broad idea of where the next funding would come from',
        'We know roughly how many months of cash we have but have no funding plan',
        'We are unsure of our runway; funding is arranged when cash gets tight',
        'We have under six months of runway and no clear plan',
      ],
      weakPractice:
        'Runway is not understood and there is no funding plan, so growth could stall for lack of cash.',
      strength: 'Scenario-based runway and a funding plan agreed well in advance.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Calculate runway under three scenarios',
          action:
            'Using current cash, committed costs and pipeline, work out months of runway in a base, downside and no-new-sales case. Share it with the leadership team.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.1,
          strategicImpact: 0.8,
        },
        {
          horizon: '30-90-days',
          title: 'Put a working-capital facility in place',
          action:
            'Arrange an overdraft, revolving credit or invoice finance line while trading is healthy, so you have headroom before you need it.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
        {
          horizon: 'strategic',
          title: 'Agree an 18-month funding roadmap',
          action:
            'Decide with the board how the next growth stage will be funded (retained cash, debt or equity), what milestones must be hit first, and when to start the process.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.4,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.3,
          strategicImpact: 0.9,
        },
      ],
    },
    {
      id: 'fin-08',
      domain,
      topic: 'pricing discipline',
      prompt: 'How are prices set and how often are they reviewed?',
      options: [
        'Prices are set from value and margin targets, reviewed yearly, and discounts need approval against clear rules',
        'We review prices every year or two and discounting is mostly controlled',
        'Prices are based on what competitors charge and have not changed in over two years',
        'Sales staff set discounts freely and we do not track how much we give away',
        'We price each deal by gut feel and often realise later we lost money on it',
      ],
      weakPractice: 'Pricing is set by habit or gut feel and discounting is uncontrolled, eroding margin.',
      strength: 'Value-based pricing reviewed regularly, with controlled discounting.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Measure discount leakage',
          action:
            'Compare list price with invoiced price for the last 50 deals and total the discount given. Set an approval threshold above which the founder or finance must sign off.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.8,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.3,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Run a price increase on new business',
          action:
            'Raise prices for new customers by a tested amount (for example 5–10%) and track win rate for a quarter. Use the result to plan increases for existing customers at renewal.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.9,
          efficiencyImpact: 0.1,
          competitiveImpact: 0.4,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'fin-09',
      domain,
      topic: 'recurring revenue metrics',
      prompt: 'How well do you track recurring-revenue measures (ARR, net revenue retention, CAC payback)?',
      options: [
        'We report ARR movements, net revenue retention and CAC payback monthly, by segment, from one source of truth',
        'We track ARR and churn monthly; other measures are calculated occasionally',
        'We know total recurring revenue but calculate churn and retention only when asked',
        'Our figures for ARR differ depending on who calculates them',
        'We do not track recurring-revenue measures',
      ],
      conditions: ['subscription'],
      followUps: [{ id: 'fin-09-f1', prompt: 'Which recurring-revenue figure do you trust least, and why?' }],
      weakPractice:
        'Recurring-revenue measures are missing or inconsistent, so the health of the subscription base is unclear.',
      strength: 'Monthly, segment-level reporting of ARR, net revenue retention and CAC payback.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Build an ARR bridge',
          action:
            'Each month, show opening ARR, plus new, plus expansion, minus contraction, minus churn, equals closing ARR. Agree one definition of each term and publish it.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.5,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
        {
          horizon: '30-90-days',
          title: 'Track CAC payback by channel',
          action:
            'Divide sales and marketing cost per channel by the gross-margin-adjusted monthly revenue of the customers it won, and shift spend towards channels that pay back in under 18 months.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.7,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.3,
          strategicImpact: 0.6,
        },
      ],
    },
    {
      id: 'fin-10',
      domain,
      topic: 'financial controls',
      prompt: 'How strong are your financial controls (approvals, segregation of duties, audit readiness)?',
      options: [
        'Documented approval limits, segregation of duties, monthly reconciliations and a clean audit last year',
        'Approval limits exist and reconciliations are done; the audit raised only minor points',
        'Controls depend on a few trusted people; the audit raised several issues',
        'One person can raise, approve and pay an invoice; reconciliations are irregular',
        'We have had errors or losses in the last year that controls should have caught',
      ],
      conditions: ['revenueOver10m'],
      weakPractice:
        'Financial controls are weak for a company of this size, exposing it to error, fraud and audit findings.',
      strength: 'Documented approval limits, segregation of duties and a clean audit.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Separate payment approval from payment release',
          action:
            'Change bank permissions so that the person who sets up a payment cannot also approve it, and require two approvers above an agreed amount.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.1,
          strategicImpact: 0.6,
        },
        {
          horizon: '30-90-days',
          title: 'Write a delegation of authority',
          action:
            'Document who may commit the company to spend, contracts and hires at each level, and make the purchasing system enforce the limits.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.1,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.1,
          strategicImpact: 0.7,
        },
      ],
    },
  ],
};
