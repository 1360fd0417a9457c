import type { DomainDefinition } from '../types';

const domain = 'partnerships' as const;

export const partnerships: DomainDefinition = {
  id: domain,
  name: 'External Partnerships & Ecosystem',
  description:
    'How deliberately the company chooses, manages and measures its partners, channels, key vendors and alliances, and whether they add growth rather than distraction.',
  questions: [
    {
      id: 'part-01',
      domain,
      topic: 'partner portfolio',
      prompt:
        'How deliberately do you choose and manage your business partners (referral, technology, delivery or strategic)?',
      options: [
        'A clear partner strategy: a few chosen partners, each with goals, an owner and a regular review',
        'A handful of valued partners, managed informally but actively',
        'Many partnerships signed, most of them inactive',
        'Partnerships happen by chance and nobody manages them',
        'We have no partners, or partnerships have cost us more time than they returned',
      ],
      followUps: [
        { id: 'part-01-f1', prompt: 'Which partnership has delivered most value, and what made it work?' },
        {
          id: 'part-01-f2',
          prompt: 'How much time do partnerships take each month compared with what they return?',
        },
      ],
      weakPractice:
        'Partnerships are opportunistic and unmanaged, so they consume time without delivering growth.',
      strength: 'A focused partner portfolio with goals, owners and regular reviews.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Review every partnership for value',
          action:
            'List all partnerships with what each delivered last year (revenue, leads, capability) and the time it took. Keep the top performers, and end or pause the rest.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.4,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.3,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Write a one-page partner strategy',
          action:
            'Define which types of partner help your strategy, what you offer them, what you expect, and the criteria a new partner must meet before you invest time.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.5,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.5,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'part-02',
      domain,
      topic: 'strategic alliances',
      prompt:
        'Do you have alliances with larger or complementary companies that open markets you could not reach alone?',
      options: [
        'One or more alliances with joint plans, shared targets and executive sponsors on both sides, producing measurable business',
        'An alliance that produces some business, with informal plans',
        'Alliances exist on paper but produce little',
        'We have discussed alliances but never pursued one seriously',
        'We have not considered alliances as a route to growth',
      ],
      weakPractice:
        'The company has no working strategic alliances, missing routes to market it cannot reach alone.',
      strength: 'Strategic alliances with joint plans, targets and executive sponsors.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Shortlist three alliance targets',
          action:
            'Identify companies that serve your target customers with a complementary offer, and approach the three best fits with a concrete joint proposition.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.7,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.6,
          strategicImpact: 0.7,
        },
        {
          horizon: 'strategic',
          title: 'Run alliances with a joint business plan',
          action:
            'For each alliance, agree a written plan with shared targets, named sponsors on both sides and a quarterly business review.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.7,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.6,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'part-03',
      domain,
      topic: 'vendor management',
      prompt: 'How do you manage your key vendors (software, outsourced services, agencies, advisers)?',
      options: [
        'Key vendors have contracts with service levels, a named owner and a yearly performance and price review',
        'Main vendors are reviewed at renewal',
        'Vendors are managed by whoever hired them, with no regular review',
        'Contracts auto-renew and we are unsure what some vendors deliver',
        'Vendor failures have hurt our customers and we had little recourse',
      ],
      followUps: [{ id: 'part-03-f1', prompt: 'Which vendor relationship frustrates you most, and why?' }],
      weakPractice:
        'Key vendors are not managed or reviewed, so the company overpays and carries unmanaged delivery risk.',
      strength: 'Key vendors under contract with service levels, owners and annual reviews.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'List vendors with spend, owner and renewal date',
          action:
            'Pull twelve months of supplier payments, list each vendor with annual spend, owner and renewal date, and put renewals in the calendar three months ahead.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.1,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Review the top ten vendors',
          action:
            'For the ten largest vendors, check performance against what was promised, benchmark price, and renegotiate or replace where needed.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.1,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
      ],
    },
    {
      id: 'part-04',
      domain,
      topic: 'measuring partner value',
      prompt: 'How do you measure what your partners contribute?',
      options: [
        'Partner-sourced and partner-influenced revenue is tracked in the CRM and reviewed with each partner quarterly',
        'We track partner-sourced deals but not wider influence',
        'We have a rough idea of which partners help',
        'We do not track partner contribution',
        'We pay partners or spend time on them without knowing what they return',
      ],
      weakPractice:
        'Partner contribution is not measured, so investment in partners cannot be justified or steered.',
      strength: 'Partner-sourced and partner-influenced revenue tracked and reviewed with partners.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Add a partner field to every deal',
          action:
            'Add fields in the CRM for partner-sourced and partner-influenced deals and make them required when a deal is created.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.4,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Hold quarterly partner business reviews',
          action:
            'Review results with each important partner every quarter: deals, pipeline, what worked, and the plan for next quarter.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.5,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.3,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'part-05',
      domain,
      topic: 'ownership of partner relationships',
      prompt: 'Who looks after your partner relationships?',
      options: [
        'Each important partner has a named owner with time allocated and goals for the relationship',
        'Partners have a main contact, though it is not a formal responsibility',
        'The founder holds most partner relationships personally',
        'Nobody in particular; partners contact whoever they know',
        'Partners have told us they do not know who to talk to',
      ],
      weakPractice:
        'Partner relationships have no owner, so they drift and depend on the founder’s personal time.',
      strength: 'Named owners with allocated time and goals for each important partner.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Assign an owner to each important partner',
          action:
            'Name an owner for each partner that matters, introduce them formally, and add partner goals to their objectives.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
        {
          horizon: 'strategic',
          title: 'Create a partnerships role',
          action:
            'When partner revenue justifies it, appoint a partnerships manager responsible for recruiting, enabling and growing partners.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.6,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.4,
          strategicImpact: 0.6,
        },
      ],
    },
    {
      id: 'part-06',
      domain,
      topic: 'build, buy or partner decisions',
      prompt: 'How do you decide whether to build a capability in-house, buy it or get it through a partner?',
      options: [
        'We decide deliberately against clear criteria (core to our advantage, cost, speed, control) and revisit decisions',
        'We usually weigh the options for significant capabilities',
        'We tend to build everything ourselves by default',
        'We outsource or build on impulse and later regret some choices',
        'We have never considered alternatives to doing things ourselves',
      ],
      weakPractice:
        'Capabilities are built or outsourced by habit rather than choice, wasting effort outside the core.',
      strength: 'Deliberate build, buy or partner decisions against clear criteria.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Classify activities as core or non-core',
          action:
            'List the main activities of the business and mark which give you a competitive edge. For non-core ones done in-house, compare the cost of outsourcing or partnering.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.4,
          strategicImpact: 0.7,
        },
        {
          horizon: 'quick-win',
          title: 'Use a simple decision checklist',
          action:
            'Before starting any new capability, answer four questions in writing: is it core, what would it cost to buy, how fast do we need it, how much control do we need.',
          impact: 'low',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'part-07',
      domain,
      topic: 'industry ecosystem presence',
      prompt:
        'How visible and connected is your company in its industry ecosystem (associations, events, communities, influencers)?',
      options: [
        'We are a recognised voice: we speak at key events, contribute to industry bodies and get inbound interest from them',
        'We attend the main events and are members of relevant bodies',
        'We attend occasionally with no clear goal',
        'We are largely invisible in our industry',
        'Competitors dominate the conversations where our customers gather',
      ],
      weakPractice:
        'The company is invisible in its industry ecosystem, leaving competitors to shape buyer opinion.',
      strength: 'A recognised voice in the industry ecosystem that generates inbound interest.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Pick the three places your customers gather',
          action:
            'Ask ten customers which events, communities and publications they rely on, and focus your presence on the top three.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.4,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.5,
          strategicImpact: 0.3,
        },
        {
          horizon: 'strategic',
          title: 'Build a thought-leadership programme',
          action:
            'Commit a leader to speak, write or host discussions regularly on the problems your customers face, and track the leads and partnerships it creates.',
          impact: 'medium',
          effort: 'high',
          revenueImpact: 0.5,
          efficiencyImpact: 0.1,
          competitiveImpact: 0.7,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'part-08',
      domain,
      topic: 'channel partner performance',
      prompt: 'How productive are your channel partners (resellers, distributors, agents)?',
      options: [
        'Most channel partners hit agreed targets; performance is reviewed quarterly and weak partners are managed out',
        'A core group of partners performs well; the rest are mixed',
        'A few partners produce most channel sales; most produce nothing',
        'Channel sales are unpredictable and we do not know why',
        'The channel costs us more in support and margin than it brings in',
      ],
      conditions: ['channelSales'],
      followUps: [
        { id: 'part-08-f1', prompt: 'What share of channel revenue comes from your top three partners?' },
        { id: 'part-08-f2', prompt: 'What have you tried to activate the partners who sell little?' },
      ],
      weakPractice:
        'Most channel partners produce little, and channel performance is neither measured nor managed.',
      strength: 'Channel partners with agreed targets, quarterly reviews and active management.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Tier your channel partners',
          action:
            'Rank partners by revenue and pipeline, and focus support on the top tier. Set clear expectations and dates for the rest.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.6,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.3,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Agree joint plans with top partners',
          action:
            'For each top-tier partner, agree a quarterly plan with targets, marketing activity and training, and review it at the end of the quarter.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.7,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.4,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'part-09',
      domain,
      topic: 'channel enablement and conflict',
      prompt: 'How well do you equip channel partners and avoid conflict with your direct sales team?',
      options: [
        'Partners get onboarding, training, sales materials and a portal; clear deal-registration rules prevent conflict',
        'Partners get basic training and materials; conflicts are rare and resolved quickly',
        'Partners get little support; rules on who owns a deal are unclear',
        'Direct sales and partners regularly compete for the same customers',
        'Channel conflict has cost us partners or customers',
      ],
      conditions: ['channelSales'],
      weakPractice:
        'Channel partners are poorly equipped and compete with direct sales, damaging both channels.',
      strength: 'Well-enabled partners with clear deal-registration rules.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Publish deal-registration rules',
          action:
            'Write simple rules for who owns a deal, how partners register opportunities and how disputes are settled, and share them with sales and partners.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.4,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.2,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Build a partner enablement kit',
          action:
            'Give partners a standard pitch, demo, pricing guide, case studies and a short certification, and track which partners complete it.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.6,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.4,
          strategicImpact: 0.4,
        },
      ],
    },
    {
      id: 'part-10',
      domain,
      topic: 'integration and developer ecosystem',
      prompt: 'How well do third parties build on or integrate with your platform?',
      options: [
        'A documented API, a partner programme and a growing number of integrations that drive usage and retention',
        'Several important integrations exist and partners can build on a documented API',
        'A few integrations, built case by case by our own team',
        'Integrations are requested often but rarely delivered',
        'The lack of integrations is losing us users or partners',
      ],
      conditions: ['platform'],
      weakPractice: 'The platform lacks an integration ecosystem, limiting its value to users and partners.',
      strength: 'A documented API and partner programme with a growing set of integrations.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Rank integration requests by revenue',
          action:
            'List requested integrations with the revenue of the customers asking for them, and build or partner for the top two.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.6,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.6,
          strategicImpact: 0.5,
        },
        {
          horizon: 'strategic',
          title: 'Launch a technology partner programme',
          action:
            'Publish API documentation and a sandbox, and offer partners listing, co-marketing and support in return for building and maintaining integrations.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.6,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.8,
          strategicImpact: 0.7,
        },
      ],
    },
  ],
};
