import type { DomainDefinition } from '../types';

const domain = 'customer-experience' as const;

export const customerExperience: DomainDefinition = {
  id: domain,
  name: 'Customer Experience & Product Development',
  description:
    'How well the company listens to customers, turns what it hears into a disciplined product or service roadmap, and supports customers when things go wrong.',
  questions: [
    {
      id: 'cx-01',
      domain,
      topic: 'customer satisfaction measurement',
      prompt: 'How do you measure whether customers are happy?',
      options: [
        'We measure satisfaction (for example NPS or CSAT) continuously, by segment, and act on the trends',
        'We survey customers once or twice a year and review the results',
        'We rely on account managers’ impressions',
        'We only hear when a customer complains or leaves',
        'We have no idea how satisfied customers are',
      ],
      followUps: [
        { id: 'cx-01-f1', prompt: 'What do unhappy customers most often complain about?' },
        {
          id: 'cx-01-f2',
          prompt: 'How many customers have you lost in the last year without seeing it coming?',
        },
      ],
      weakPractice:
        'Customer satisfaction is not measured, so dissatisfaction is discovered only when customers leave.',
      strength: 'Continuous, segment-level satisfaction measurement that drives action.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Send a two-question satisfaction survey',
          action:
            'Ask every active customer "how likely are you to recommend us (0–10)?" and "what is the one thing we should improve?". Call every detractor within a week.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.4,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.4,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Measure satisfaction at key moments',
          action:
            'Add short automatic surveys after onboarding, support cases and renewals, and review the scores monthly with the teams responsible.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.5,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.5,
          strategicImpact: 0.4,
        },
      ],
    },
    {
      id: 'cx-02',
      domain,
      topic: 'product-market fit signals',
      prompt: 'What evidence do you have that your offer strongly fits a clearly defined customer group?',
      options: [
        'A defined ideal customer profile; those customers buy quickly, stay, expand and refer others',
        'Strong fit in one or two segments, with weaker results elsewhere',
        'Customers are spread across many segments with mixed results',
        'Sales require heavy discounting or customisation, and many customers leave within a year',
        'We are not sure who our best customers are or why they buy',
      ],
      weakPractice:
        'There is no clear ideal customer, so the company sells to poor-fit segments that discount, churn and distract.',
      strength: 'A defined ideal customer profile with strong retention, expansion and referrals.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Profile your best 20 customers',
          action:
            'Identify the 20 customers with the best margin, retention and growth, and note what they have in common (size, sector, problem, buyer). Write it up as your ideal customer profile.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.7,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.6,
          strategicImpact: 0.7,
        },
        {
          horizon: 'strategic',
          title: 'Focus sales and product on the core segment',
          action:
            'Direct most marketing, sales effort and product investment to the ideal customer profile for the next year, and stop pursuing segments that consistently underperform.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.8,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.7,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'cx-03',
      domain,
      topic: 'customer feedback loops',
      prompt: 'How does customer feedback reach the people who decide what to build or change?',
      options: [
        'Feedback from all channels is logged in one place, themed monthly, and visibly shapes the roadmap',
        'Feedback is collected and reviewed by product or service leads regularly',
        'Feedback arrives through individuals and is passed on when someone remembers',
        'Feedback stays with sales or support and rarely reaches decision-makers',
        'We decide what to build without customer input',
      ],
      followUps: [
        { id: 'cx-03-f1', prompt: 'What is the most requested change you have not acted on, and why?' },
      ],
      weakPractice:
        'Customer feedback does not reach decision-makers, so the offer evolves without customer input.',
      strength: 'All feedback is captured centrally and visibly shapes the roadmap.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Create one feedback log',
          action:
            'Set up a single shared log (a form feeding a table is enough) where sales, support and account teams record customer requests and complaints with the customer name.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.4,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Review feedback themes monthly and close the loop',
          action:
            'Each month, group the logged feedback into themes, decide what to act on, and tell the customers who raised it what you decided.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.4,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.6,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'cx-04',
      domain,
      topic: 'support quality',
      prompt: 'How quickly and well do you resolve customer support requests?',
      options: [
        'Response and resolution times are measured against targets we meet; satisfaction with support is high',
        'Most requests are answered within a working day and resolved well',
        'Response times vary and are not measured',
        'Customers often chase us for answers; backlogs build up',
        'Support problems are a main reason customers leave',
      ],
      followUps: [
        { id: 'cx-04-f1', prompt: 'What are the most common reasons customers contact support?' },
        { id: 'cx-04-f2', prompt: 'How many people handle support, and what else do they do?' },
      ],
      weakPractice: 'Support is slow and unmeasured, so customers chase for answers and lose confidence.',
      strength: 'Measured, fast support with high satisfaction.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Route all requests through one support channel',
          action:
            'Move support requests from personal inboxes into one shared helpdesk so nothing is lost, and set a first-response target.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.3,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Remove the top causes of support contact',
          action:
            'Analyse a month of requests by reason, then fix the top three at the source (product change, clearer documentation, proactive messages).',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.4,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.4,
          strategicImpact: 0.4,
        },
      ],
    },
    {
      id: 'cx-05',
      domain,
      topic: 'roadmap discipline',
      prompt: 'How do you decide what goes on your product or service roadmap?',
      options: [
        'A published roadmap, prioritised against strategy and evidence, reviewed quarterly; we say no to most requests',
        'A roadmap exists and is mostly followed, with some disruption from urgent requests',
        'The roadmap changes often based on the latest large customer request',
        'There is no roadmap; we build whatever is asked for loudest',
        'We have many half-finished features or offers and few that are finished well',
      ],
      weakPractice:
        'The roadmap is driven by the loudest request, so effort is scattered and little is finished well.',
      strength: 'An evidence-based roadmap tied to strategy and protected from ad hoc requests.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Score roadmap items on value and effort',
          action:
            'List everything on the roadmap, score each item for customer value, strategic fit and effort, and cut or defer the bottom third.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.4,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.4,
          strategicImpact: 0.6,
        },
        {
          horizon: '30-90-days',
          title: 'Set a quarterly roadmap review with a change rule',
          action:
            'Fix the roadmap each quarter and require leadership agreement to add anything mid-quarter, naming what it replaces.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.4,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.4,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'cx-06',
      domain,
      topic: 'customer journey',
      prompt: 'How well do you understand the full customer journey, from first contact to renewal?',
      options: [
        'The journey is mapped, each stage has an owner and a measure, and we fix the worst pain points each quarter',
        'We have mapped the journey and know the main pain points',
        'Each team knows its own part, but nobody sees the whole journey',
        'Customers repeat themselves to different teams and experience inconsistent service',
        'We have never looked at the journey from the customer’s side',
      ],
      weakPractice:
        'Nobody owns the end-to-end customer journey, so customers meet gaps and inconsistency between teams.',
      strength: 'A mapped, owned and measured customer journey with pain points fixed regularly.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Walk the journey as a customer',
          action:
            'Have a leader go through buying, onboarding and getting support as a new customer would, noting every delay, repeat request or confusing step.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.5,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Map the journey with owners and measures',
          action:
            'Run a workshop with all customer-facing teams to map the journey stages, name an owner for each and agree one measure per stage.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.4,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.6,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'cx-07',
      domain,
      topic: 'complaint handling',
      prompt: 'What happens when a customer complains?',
      options: [
        'Complaints are logged, acknowledged within a day, resolved against a target, and root causes reviewed monthly',
        'Complaints are handled promptly by a named person',
        'Complaints are handled by whoever receives them, with varying results',
        'Complaints often escalate to the founder before being resolved',
        'Complaints are sometimes ignored until the customer leaves',
      ],
      weakPractice: 'Complaints are handled ad hoc, escalate unnecessarily and their causes are never fixed.',
      strength: 'Logged, promptly resolved complaints with monthly root-cause review.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Write a complaint procedure',
          action:
            'Set out who handles complaints, the acknowledgement and resolution targets, and when to escalate. Log every complaint from now on.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.3,
          strategicImpact: 0.2,
        },
        {
          horizon: '30-90-days',
          title: 'Review complaint causes monthly',
          action:
            'Group the month’s complaints by cause and assign a fix for the biggest cause to the team responsible, tracking whether complaints fall.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.4,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.4,
          strategicImpact: 0.3,
        },
      ],
    },
    {
      id: 'cx-08',
      domain,
      topic: 'speed of product iteration',
      prompt:
        'How long does it take from spotting a customer need to putting an improvement in customers’ hands?',
      options: [
        'Small improvements reach customers within weeks, and we test ideas before building fully',
        'Most improvements ship within a quarter',
        'Improvements take two or three quarters',
        'Improvements take a year or more; competitors move faster',
        'We rarely improve the offer once it is launched',
      ],
      weakPractice: 'Improvements take too long to reach customers, so competitors respond to needs first.',
      strength: 'Ideas are tested early and improvements reach customers within weeks.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Test ideas with customers before building',
          action:
            'For each significant new feature or offer, show a mock-up or pilot to five target customers before committing full effort.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.4,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.5,
          strategicImpact: 0.4,
        },
        {
          horizon: 'strategic',
          title: 'Ship in smaller increments',
          action:
            'Break large projects into pieces that deliver value on their own and release them in sequence, measuring adoption of each.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.5,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.7,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'cx-09',
      domain,
      topic: 'online reviews and reputation',
      prompt: 'How do you manage what consumers say about you online (reviews, social media)?',
      options: [
        'We monitor reviews daily, reply to every one, and our average rating is strong and improving',
        'We reply to most reviews and our rating is good',
        'We look at reviews occasionally and reply to some',
        'We rarely look; several unanswered negative reviews are visible',
        'Poor reviews are hurting sales and we have no plan to address them',
      ],
      conditions: ['b2c'],
      weakPractice: 'Online reviews are unmanaged, so visible negative feedback deters new customers.',
      strength: 'Actively managed reviews with a strong, improving rating.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Reply to every recent review',
          action:
            'Reply to all reviews from the last three months, starting with negative ones, offering to fix the problem. Assign someone to do this daily from now on.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.5,
          efficiencyImpact: 0.1,
          competitiveImpact: 0.5,
          strategicImpact: 0.2,
        },
        {
          horizon: '30-90-days',
          title: 'Ask happy customers for reviews',
          action:
            'Send an automatic review request after a successful purchase or delivery, and track rating and review volume monthly.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.6,
          efficiencyImpact: 0.1,
          competitiveImpact: 0.6,
          strategicImpact: 0.3,
        },
      ],
    },
    {
      id: 'cx-10',
      domain,
      topic: 'marketplace balance and trust',
      prompt: 'How well do you keep both sides of your platform satisfied and in balance?',
      options: [
        'We track liquidity and satisfaction on both sides weekly, and trust and safety issues are handled quickly',
        'We track both sides monthly and address imbalances',
        'We focus on one side and notice the other only when problems arise',
        'One side regularly has a poor experience (no matches, slow response, bad actors)',
        'Imbalance or trust problems are causing users on one side to leave',
      ],
      conditions: ['platform'],
      followUps: [{ id: 'cx-10-f1', prompt: 'Which side of the platform is harder to keep happy, and why?' }],
      weakPractice:
        'The platform’s two sides are not kept in balance, so one side has a poor experience and leaves.',
      strength: 'Both sides of the platform measured and balanced, with fast trust and safety handling.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Measure match rate and time to match',
          action:
            'Track weekly the share of requests or listings that result in a transaction and how long it takes, split by category or region.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.6,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.5,
          strategicImpact: 0.5,
        },
        {
          horizon: 'strategic',
          title: 'Build trust and safety processes',
          action:
            'Introduce verification, ratings, dispute handling and fast removal of bad actors, with a named owner and published standards for both sides.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.5,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.7,
          strategicImpact: 0.6,
        },
      ],
    },
  ],
};
