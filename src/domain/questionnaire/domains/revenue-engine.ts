import type { DomainDefinition } from '../types';

const domain = 'revenue-engine' as const;

export const revenueEngine: DomainDefinition = {
  id: domain,
  name: 'Revenue Engine & Growth Systems',
  description:
    'How predictably the company finds, wins and forecasts new revenue, and whether growth depends on a repeatable system or on a few heroic individuals.',
  questions: [
    {
      id: 'rev-01',
      domain,
      topic: 'revenue forecasting',
      prompt: 'How accurately can you forecast next quarter’s revenue?',
      options: [
        'Our quarterly forecast is built from the pipeline by stage and lands within 5% of actuals',
        'We usually land within 10–15% of the forecast',
        'We forecast, but are often 20–30% out either way',
        'Revenue is hard to predict; we find out at month end',
        'We have no forecast; each quarter is a surprise',
      ],
      followUps: [
        { id: 'rev-01-f1', prompt: 'When the forecast was last badly wrong, what caused the miss?' },
        { id: 'rev-01-f2', prompt: 'What decisions do you delay because you cannot trust the forecast?' },
      ],
      weakPractice:
        'Revenue cannot be forecast with confidence, so hiring and spending decisions are guesses.',
      strength: 'A pipeline-based revenue forecast that lands close to actuals.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Hold a weekly forecast call',
          action:
            'Each week, have every seller commit their deals for the quarter as commit, best case or pipeline. Record the call and compare the commit figure with what actually closes.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.6,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.2,
          strategicImpact: 0.6,
        },
        {
          horizon: '30-90-days',
          title: 'Weight the pipeline by stage conversion',
          action:
            'Calculate the historic conversion rate from each pipeline stage to closed-won and use it to weight open deals. Compare the weighted forecast with the sellers’ call each month.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.6,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.2,
          strategicImpact: 0.6,
        },
      ],
    },
    {
      id: 'rev-02',
      domain,
      topic: 'pipeline coverage',
      prompt: 'How much qualified pipeline do you have compared with next quarter’s new-revenue target?',
      options: [
        'Three times or more the target, qualified against clear criteria',
        'Around two to three times the target',
        'Roughly equal to the target; we need almost everything to close',
        'Less than the target; we rely on deals appearing late in the quarter',
        'We do not track pipeline against targets',
      ],
      followUps: [
        { id: 'rev-02-f1', prompt: 'Where do most of your qualified opportunities come from today?' },
        { id: 'rev-02-f2', prompt: 'What have you tried so far to build more pipeline?' },
      ],
      weakPractice: 'Pipeline is too thin to meet the revenue target, so growth depends on late luck.',
      strength: 'Pipeline coverage of three times target, qualified against clear criteria.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Clean and measure the pipeline',
          action:
            'Remove deals with no activity in 60 days or no confirmed budget, then divide what remains by next quarter’s target. Use the gap to set weekly pipeline-creation goals.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.7,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Set a pipeline-creation target per channel',
          action:
            'Work back from the revenue target through win rate and deal size to the number of new opportunities needed each month, and give each channel (outbound, inbound, referrals) a share.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.8,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.3,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'rev-03',
      domain,
      topic: 'lead generation',
      prompt: 'Where do your new customers come from?',
      options: [
        'Three or more proven channels, each measured, none providing more than half of new customers',
        'Two reliable channels plus some experimentation',
        'Mostly referrals and word of mouth, with some marketing activity',
        'Almost entirely referrals or the founder’s network',
        'New customers arrive irregularly and we do not know why',
      ],
      followUps: [{ id: 'rev-03-f1', prompt: 'Which new channel have you tried, and what happened?' }],
      weakPractice:
        'New business depends on referrals or the founder’s network, which cannot be scaled on demand.',
      strength: 'Several measured acquisition channels with no single point of dependence.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Tag the source of every customer won this year',
          action:
            'Go through this year’s new customers and record how each one first found you. Use the split to see which channels deserve more investment.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.5,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Launch one structured outbound or content channel',
          action:
            'Choose one new channel that suits your buyers, give it a budget and an owner for 90 days, and measure meetings booked and pipeline created each week.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.8,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.4,
          strategicImpact: 0.5,
        },
        {
          horizon: 'strategic',
          title: 'Build a formal referral programme',
          action:
            'Turn ad-hoc referrals into a system: ask happy customers at set moments, reward introductions, and track referral-sourced pipeline as its own channel.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.6,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.4,
          strategicImpact: 0.4,
        },
      ],
    },
    {
      id: 'rev-04',
      domain,
      topic: 'customer acquisition cost',
      prompt: 'Do you know what it costs to win a new customer?',
      options: [
        'We know fully loaded acquisition cost by channel and compare it with customer lifetime value each quarter',
        'We know the overall acquisition cost and roughly how it varies by channel',
        'We know marketing spend per lead but not the full cost per customer',
        'We have never calculated it',
        'We spend on sales and marketing with no view of what it returns',
      ],
      weakPractice:
        'Customer acquisition cost is unknown, so sales and marketing spend cannot be judged or steered.',
      strength: 'Acquisition cost known by channel and compared with lifetime value.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Calculate blended acquisition cost',
          action:
            'Add up all sales and marketing costs for the last two quarters (salaries, tools, ads, events) and divide by new customers won in the same period.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.5,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Set a lifetime-value-to-cost rule',
          action:
            'Estimate lifetime value per segment and set a target ratio (for example 3:1). Cut or rework any channel that stays below it for two quarters.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.7,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.3,
          strategicImpact: 0.6,
        },
      ],
    },
    {
      id: 'rev-05',
      domain,
      topic: 'sales process',
      prompt: 'How defined is your sales process from first contact to signed deal?',
      options: [
        'Written stages with exit criteria, used by everyone, with conversion measured between each stage',
        'Defined stages that most sellers follow',
        'A rough process that each seller interprets differently',
        'No defined process; each deal is handled from scratch',
        'Only the founder can close deals and the way they do it is not written down',
      ],
      weakPractice: 'There is no repeatable sales process, so results depend on who handles the deal.',
      strength: 'A written sales process with stage exit criteria and measured conversion.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Write down the stages of your best deals',
          action:
            'Take your last ten wins and map the steps each went through. Turn the common steps into five or six stages with a clear test for moving a deal forward.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.6,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Build a sales playbook',
          action:
            'Document the ideal customer, qualification questions, discovery script, demo flow, objection handling and proposal template. Use it to onboard every new seller.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.7,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.4,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'rev-06',
      domain,
      topic: 'CRM and revenue operations',
      prompt: 'How well is your CRM kept, and who looks after your sales data and tools?',
      options: [
        'Every deal and contact is in the CRM with required fields; a named person owns sales operations and reporting',
        'The CRM is used for most deals and reports are mostly trusted',
        'The CRM is partially used; key information lives in inboxes and spreadsheets',
        'The CRM is out of date and nobody trusts its reports',
        'We have no CRM',
      ],
      weakPractice:
        'Sales data lives in inboxes and spreadsheets, so pipeline, forecasts and handovers are unreliable.',
      strength: 'A well-kept CRM owned by a named revenue-operations lead.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Make five CRM fields mandatory',
          action:
            'Require stage, amount, close date, next step and source on every open deal. Review missing fields in the weekly sales meeting until they are complete.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.1,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Appoint a revenue-operations owner',
          action:
            'Give one person (part-time at first) responsibility for CRM hygiene, sales reporting and tool integrations, with a weekly pipeline report as their first deliverable.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.5,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'rev-07',
      domain,
      topic: 'win rate and conversion tracking',
      prompt: 'Do you know your win rate and why you lose deals?',
      options: [
        'We track win rate by segment and seller and review loss reasons monthly to change how we sell',
        'We know our overall win rate and the main loss reasons',
        'We have a rough idea of win rate but do not record why deals are lost',
        'We do not know our win rate',
        'Deals disappear without a recorded outcome',
      ],
      weakPractice: 'Win rate and loss reasons are not tracked, so the same losses repeat.',
      strength: 'Win rate tracked by segment and seller, with loss reasons reviewed monthly.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Record a loss reason on every closed-lost deal',
          action:
            'Add a required loss-reason field with five to seven options (price, timing, competitor, no decision, fit) and review the counts at month end.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.5,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.5,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Tackle the top loss reason',
          action:
            'Pick the most common controllable loss reason and run one change for a quarter (new pricing option, proof points, faster proposal). Measure the change in win rate.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.8,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.6,
          strategicImpact: 0.4,
        },
      ],
    },
    {
      id: 'rev-08',
      domain,
      topic: 'founder dependence in sales',
      prompt: 'How much of new revenue depends on the founder personally selling?',
      options: [
        'The sales team closes almost all deals; the founder joins only strategic accounts',
        'The team closes most deals; the founder is involved in the largest ones',
        'About half of new revenue needs the founder in the room',
        'Most deals need the founder to close',
        'The founder is the only person who can sell',
      ],
      followUps: [
        { id: 'rev-08-f1', prompt: 'What does the founder do in a deal that others cannot yet do?' },
      ],
      weakPractice:
        'New revenue depends on the founder personally selling, capping growth at their available hours.',
      strength: 'A sales team that closes deals without needing the founder.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Have sellers lead while the founder shadows',
          action:
            'For the next ten deals, let a seller run each meeting with the founder attending silently and giving feedback afterwards.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.5,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
        {
          horizon: 'strategic',
          title: 'Hire or promote a head of sales',
          action:
            'Appoint a sales leader who owns the number, the process and the team, so the founder moves from closing deals to coaching and strategic accounts.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.8,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.3,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'rev-09',
      domain,
      topic: 'deal qualification and sales cycle',
      prompt: 'How do you qualify business deals, and how long does a typical deal take to close?',
      options: [
        'We qualify against a written framework (budget, decision-maker, need, timeline) and our sales cycle is stable and measured',
        'We qualify most deals and know our average sales cycle',
        'Qualification is informal; the sales cycle varies widely',
        'We chase every lead; deals often stall for months with no decision',
        'We do not know how long deals take or why they stall',
      ],
      conditions: ['b2b'],
      weakPractice:
        'Business deals are not qualified, so sellers spend months on deals that were never going to close.',
      strength: 'Deals are qualified against a written framework with a measured sales cycle.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Adopt a qualification checklist',
          action:
            'Use a short checklist (budget, decision-maker, pain, timeline, competition) and require it before a deal can move past the discovery stage.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.5,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Map the buyer’s decision process',
          action:
            'For every deal above an agreed size, write down who signs, who influences and what steps procurement requires, and agree a joint close plan with the buyer.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.7,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.4,
          strategicImpact: 0.3,
        },
      ],
    },
    {
      id: 'rev-10',
      domain,
      topic: 'consumer marketing funnel',
      prompt:
        'How well do you understand your consumer funnel, from first visit to purchase and repeat purchase?',
      options: [
        'We measure every step of the funnel by channel, run regular tests, and know the payback of each channel',
        'We track the main conversion rates and marketing return by channel',
        'We see overall traffic and sales but not where people drop out',
        'We rely on the ad platforms’ own reports, which disagree with our sales figures',
        'We do not measure the funnel',
      ],
      conditions: ['b2c'],
      weakPractice:
        'The consumer funnel is not measured, so marketing spend cannot be steered to what converts.',
      strength: 'A fully measured consumer funnel with regular conversion testing.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Map the funnel with current numbers',
          action:
            'Write down visits, sign-ups or baskets, purchases and repeat purchases for last month, and find the step with the biggest drop.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.6,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.3,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Run a monthly conversion test programme',
          action:
            'Run at least two controlled tests a month on the weakest funnel step (checkout, landing page, offer) and keep a log of results.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.8,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.5,
          strategicImpact: 0.3,
        },
      ],
    },
    {
      id: 'rev-11',
      domain,
      topic: 'sales hiring and ramp time',
      prompt: 'When you hire a new salesperson, how quickly do they reach full productivity?',
      options: [
        'A structured onboarding gets new sellers to quota within a known, short period, and we track it',
        'Most new sellers reach quota within six months',
        'Ramp time varies widely and we do not track it',
        'Many new sellers never reach quota and leave within a year',
        'We hire sellers and leave them to work it out',
      ],
      conditions: ['rapidGrowth'],
      followUps: [
        { id: 'rev-11-f1', prompt: 'How many sales hires in the last year did not work out, and why?' },
      ],
      weakPractice:
        'New sellers take too long to become productive, so fast hiring does not turn into revenue.',
      strength: 'Structured sales onboarding with a measured, short ramp to quota.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Build a 60-day sales onboarding plan',
          action:
            'Set out week by week what a new seller learns, shadows and delivers, with checkpoints (first call led, first proposal, first deal) and a named buddy.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.7,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
        {
          horizon: 'strategic',
          title: 'Define the seller profile from your best performers',
          action:
            'Study what your top sellers have in common (background, behaviours, deal types) and use it to write a scorecard for sales hiring.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.6,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.3,
          strategicImpact: 0.5,
        },
      ],
    },
  ],
};
