import type { DomainDefinition } from '../types';

const domain = 'technology-data' as const;

export const technologyData: DomainDefinition = {
  id: domain,
  name: 'Technology & Data Infrastructure',
  description:
    'Whether the systems can carry the next stage of growth, talk to each other, produce data the company trusts, and are protected by sound security basics.',
  questions: [
    {
      id: 'tech-01',
      domain,
      topic: 'scalability of systems',
      prompt:
        'How well would your core systems (product platform, ERP, CRM, finance) cope with twice today’s volume?',
      options: [
        'We have tested or modelled it; systems would cope with planned, modest changes',
        'Systems would cope with some upgrades we already know about',
        'We are unsure; some systems already feel slow or fragile',
        'Core systems are at their limits and staff work around them daily',
        'System failures or slowdowns are already costing us customers or sales',
      ],
      followUps: [
        { id: 'tech-01-f1', prompt: 'Which system do people complain about most, and why?' },
        { id: 'tech-01-f2', prompt: 'What have outages or workarounds cost you in the last year?' },
      ],
      weakPractice: 'Core systems are at or near their limits and would not carry the next stage of growth.',
      strength: 'Core systems tested or modelled to carry twice today’s volume.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'List the systems that would break first',
          action:
            'Ask system owners and heavy users to rate each core system on speed, reliability and capacity, and record the known limits (users, records, transactions).',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.6,
        },
        {
          horizon: 'strategic',
          title: 'Plan the replacement of the weakest core system',
          action:
            'For the system most likely to fail at scale, write requirements for the next three years, compare options, and schedule the migration before it becomes urgent.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.4,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.4,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'tech-02',
      domain,
      topic: 'data quality and single source of truth',
      prompt:
        'When two people pull the same number (customers, revenue, orders), do they get the same answer?',
      options: [
        'Yes; each key figure has one agreed definition and one system of record',
        'Usually; differences are rare and quickly explained',
        'Often not; we spend time reconciling spreadsheets',
        'Rarely; meetings get stuck arguing about whose numbers are right',
        'We do not trust our data enough to use it for decisions',
      ],
      followUps: [
        {
          id: 'tech-02-f1',
          prompt: 'Which figure causes the most arguments, and where does each version come from?',
        },
      ],
      weakPractice:
        'Key figures differ depending on who pulls them, so time goes on reconciling rather than deciding.',
      strength: 'Agreed definitions and one system of record for each key figure.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Write a data dictionary for ten key figures',
          action:
            'Define your ten most-used figures (for example active customer, monthly revenue, churn) in one document with the system each comes from, and get leadership sign-off.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Name an owner for each core data set',
          action:
            'Give customer, product, financial and order data each an owner responsible for its accuracy, with a monthly check for duplicates and gaps.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'tech-03',
      domain,
      topic: 'integration between systems',
      prompt: 'How well do your systems share data with each other?',
      options: [
        'Core systems are integrated; data entered once flows everywhere it is needed',
        'Most key flows are integrated, with a few manual exports',
        'Several important flows rely on exports, imports or re-keying',
        'Systems are islands; staff copy data between them every day',
        'Data mismatches between systems regularly cause errors for customers or in billing',
      ],
      weakPractice: 'Systems do not share data, so staff re-key information and mismatches cause errors.',
      strength: 'Integrated core systems where data is entered once.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Draw your system map',
          action:
            'Draw every system and the data that moves between them, marking each manual step. Pick the manual flow with the most volume or errors to fix first.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.1,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Integrate CRM, billing and finance',
          action:
            'Connect the systems that handle customers, invoices and accounts using native connectors or an integration tool, so a closed deal creates the customer and invoice automatically.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.3,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'tech-04',
      domain,
      topic: 'reporting and business intelligence',
      prompt: 'How do leaders get the reports they need to run the business?',
      options: [
        'Self-service dashboards, updated automatically, covering the measures each leader owns',
        'Regular reports, mostly automated, with some manual preparation',
        'Reports are built by hand in spreadsheets each month and take days',
        'Leaders ask someone for numbers and wait; many questions go unanswered',
        'We make most decisions without data because getting it is too hard',
      ],
      followUps: [
        { id: 'tech-04-f1', prompt: 'Which question would you most like to answer with data but cannot?' },
      ],
      weakPractice: 'Reporting is manual and slow, so leaders decide without timely data.',
      strength: 'Automated self-service dashboards for every leader’s measures.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Automate the monthly leadership report',
          action:
            'Take the report that takes longest to build by hand and connect its sources to a dashboard tool so it refreshes automatically.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
        {
          horizon: 'strategic',
          title: 'Set up a central reporting layer',
          action:
            'Bring data from core systems into one reporting store with agreed definitions, so dashboards for sales, operations and finance all draw from the same place.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.3,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.4,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'tech-05',
      domain,
      topic: 'security basics',
      prompt:
        'How well are the security basics covered (multi-factor login, access control, updates, staff awareness)?',
      options: [
        'Multi-factor login everywhere, access reviewed quarterly, devices managed and patched, regular staff training',
        'Multi-factor login on key systems and devices mostly kept up to date',
        'Some protections in place, but shared passwords and old accounts remain',
        'Few protections; leavers sometimes keep access and devices are unmanaged',
        'We have had a security incident in the last year and have not fixed the cause',
      ],
      weakPractice:
        'Basic security controls are missing, leaving the company exposed to account takeover and data loss.',
      strength: 'Multi-factor login, managed devices, regular access reviews and staff training.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Turn on multi-factor login everywhere',
          action:
            'Enable multi-factor authentication on email, finance, CRM and cloud admin accounts this week, and remove shared logins.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.2,
          strategicImpact: 0.6,
        },
        {
          horizon: '30-90-days',
          title: 'Introduce joiner and leaver access steps',
          action:
            'Write a checklist that grants access by role on day one and removes all access on the last day, and review every system’s user list quarterly.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
        {
          horizon: 'strategic',
          title: 'Achieve a recognised security certification',
          action:
            'Work towards Cyber Essentials Plus or ISO 27001 to formalise controls and to answer customer security questionnaires faster.',
          impact: 'medium',
          effort: 'high',
          revenueImpact: 0.4,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.6,
          strategicImpact: 0.6,
        },
      ],
    },
    {
      id: 'tech-06',
      domain,
      topic: 'technical debt',
      prompt: 'How much do old code, legacy systems or quick fixes slow down changes?',
      options: [
        'We set aside regular time for cleanup and changes are quick and predictable',
        'Some areas are messy, but we know where and plan fixes',
        'Changes often take longer than expected because of old workarounds',
        'Simple changes take weeks; people are afraid to touch parts of the system',
        'A key system depends on one person or supplier and nobody else understands it',
      ],
      weakPractice: 'Accumulated technical debt makes simple changes slow and risky.',
      strength: 'Technical debt is known, managed and given regular time.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Reserve capacity for cleanup',
          action:
            'Allocate a fixed share of technical capacity (for example 15–20%) to reducing technical debt, and track the items fixed each month.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.3,
          strategicImpact: 0.5,
        },
        {
          horizon: 'strategic',
          title: 'Remove single-person dependencies on key systems',
          action:
            'Document the architecture and operation of every critical system and make sure at least two people (or an external partner under contract) can support each one.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'tech-07',
      domain,
      topic: 'technology leadership and roadmap',
      prompt: 'Who owns technology decisions and is there a plan for your systems?',
      options: [
        'A technology leader owns a roadmap tied to the business plan and reviews it with the leadership team',
        'Someone owns technology decisions and there is a rough plan',
        'Technology decisions are made by each team as needs arise',
        'Tools are bought ad hoc and nobody has an overview of what we use or pay for',
        'We depend on an outside supplier for all technology decisions with no internal oversight',
      ],
      weakPractice:
        'Nobody owns technology decisions, so tools multiply and systems drift from business needs.',
      strength: 'A technology leader with a roadmap tied to the business plan.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Audit software subscriptions',
          action:
            'List every software tool, its cost, owner and number of active users. Cancel duplicates and unused licences.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.1,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Write a 12-month technology roadmap',
          action:
            'Agree with the leadership team which system changes the business plan needs over the next year, in what order, with budget and owner.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.3,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.4,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'tech-08',
      domain,
      topic: 'backups and recovery',
      prompt: 'If your main systems or data were lost today, how quickly could you recover?',
      options: [
        'Automated backups are tested by restoring them at least twice a year; recovery times are known',
        'Backups run automatically but are rarely tested',
        'Some systems are backed up; we rely on cloud suppliers for the rest without checking',
        'We are not sure what is backed up',
        'We have lost data in the past and could not fully recover it',
      ],
      weakPractice:
        'Backups are untested or incomplete, so a system failure or attack could cause permanent data loss.',
      strength: 'Automated backups with regular restore tests and known recovery times.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Run a restore test',
          action:
            'Pick your most critical data set and restore it from backup into a test environment. Record how long it took and what was missing.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.1,
          strategicImpact: 0.6,
        },
        {
          horizon: '30-90-days',
          title: 'Set recovery targets per system',
          action:
            'For each core system, agree how much data you can afford to lose and how long you can be without it, and check that backups and supplier contracts meet those targets.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.1,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'tech-09',
      domain,
      topic: 'platform reliability',
      prompt: 'How reliable is your platform for the people who transact on it, and how do you know?',
      options: [
        'Uptime and key journeys are monitored around the clock with alerts; we publish a status page and meet our targets',
        'We monitor uptime and respond quickly to alerts',
        'We find out about most problems when users report them',
        'Outages or slowdowns happen monthly and hurt transactions',
        'Reliability problems are driving users or partners away',
      ],
      conditions: ['platform'],
      followUps: [
        { id: 'tech-09-f1', prompt: 'How many hours of outage or slowdown did you have last quarter?' },
      ],
      weakPractice:
        'Platform reliability is not monitored, so users discover outages first and trust erodes.',
      strength: 'Round-the-clock monitoring of uptime and key journeys, with targets met.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Monitor the three most important user journeys',
          action:
            'Set up automated checks for sign-up, search or listing, and checkout or booking, with alerts to an on-call person when they fail.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.6,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.4,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Set reliability targets and an on-call rota',
          action:
            'Agree an uptime target for the platform, set up an on-call rota with an incident process, and review every incident for its root cause.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.5,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.5,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'tech-10',
      domain,
      topic: 'software release practice',
      prompt: 'How do you get software changes into customers’ hands?',
      options: [
        'Small changes ship several times a week through automated tests and deployment, with quick rollback',
        'We release every week or two with mostly automated testing',
        'Releases are monthly and involve manual testing and some nervousness',
        'Releases are large, infrequent and often break something',
        'Releases regularly cause outages or data problems for customers',
      ],
      conditions: ['subscription'],
      weakPractice:
        'Software is released in large, risky batches, slowing improvements and causing customer-facing faults.',
      strength: 'Frequent small releases through automated testing and deployment.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Automate tests for the critical paths',
          action:
            'Write automated tests for the product features customers rely on most, and run them on every change before it can be released.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.3,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.4,
          strategicImpact: 0.4,
        },
        {
          horizon: 'strategic',
          title: 'Move to continuous delivery',
          action:
            'Set up an automated pipeline that builds, tests and deploys each change, with feature flags and one-click rollback, so releases become small and routine.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.4,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.6,
          strategicImpact: 0.6,
        },
      ],
    },
  ],
};
