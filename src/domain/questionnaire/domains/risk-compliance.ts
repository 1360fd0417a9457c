import type { DomainDefinition } from '../types';

const domain = 'risk-compliance' as const;

export const riskCompliance: DomainDefinition = {
  id: domain,
  name: 'Risk Management & Compliance',
  description:
    'Whether the company knows its biggest risks, could keep trading through a disruption, is protected against cyber threats, meets its legal and regulatory duties, and is properly insured.',
  questions: [
    {
      id: 'risk-01',
      domain,
      topic: 'risk identification',
      prompt: 'How do you identify and track the biggest risks to the business?',
      options: [
        'A risk register with owners, likelihood, impact and actions, reviewed by leadership every quarter',
        'We list our main risks and review them once a year',
        'Risks are discussed informally when something comes up',
        'We have never systematically looked at what could go wrong',
        'We have been hit by risks in the last year that we could have seen coming',
      ],
      followUps: [
        { id: 'risk-01-f1', prompt: 'What is the risk that worries you most right now?' },
        { id: 'risk-01-f2', prompt: 'What did the last unexpected problem cost you?' },
      ],
      weakPractice:
        'Business risks are not identified or tracked, so the company is regularly caught out by foreseeable events.',
      strength: 'An owned risk register reviewed quarterly by leadership.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Build a top-ten risk register',
          action:
            'In a one-hour leadership session, list the ten risks that could most damage the business, score likelihood and impact, and name an owner and next action for each.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.2,
          strategicImpact: 0.8,
        },
        {
          horizon: '30-90-days',
          title: 'Review risks quarterly',
          action:
            'Add a risk review to the quarterly leadership agenda: check each risk’s actions, add new risks and retire old ones.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.1,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'risk-02',
      domain,
      topic: 'business continuity',
      prompt:
        'If your office, main system or a key supplier were unavailable for a week, how would you keep trading?',
      options: [
        'A written continuity plan covers our critical services, and we have tested it in the last year',
        'We have a plan for the main scenarios, though it has not been tested',
        'We have thought about it but nothing is written down',
        'We would improvise and expect serious disruption',
        'A week-long outage would threaten the survival of the business',
      ],
      followUps: [{ id: 'risk-02-f1', prompt: 'Which single failure would stop you trading fastest?' }],
      weakPractice: 'There is no tested continuity plan, so a single outage could halt trading.',
      strength: 'A written, tested business continuity plan for critical services.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Write continuity steps for your top three scenarios',
          action:
            'For loss of premises, loss of the main system and loss of a key supplier, write who does what in the first 24 hours and how customers are told.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.1,
          strategicImpact: 0.7,
        },
        {
          horizon: '30-90-days',
          title: 'Run a tabletop exercise',
          action:
            'Walk the leadership team through a realistic outage scenario for two hours, note what was missing from the plan, and fix the gaps.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'risk-03',
      domain,
      topic: 'cyber incident readiness',
      prompt: 'If you were hit by ransomware or a data breach tomorrow, how prepared would you be?',
      options: [
        'A tested incident response plan, offline backups, a retained response partner and cyber insurance',
        'A basic plan and reliable backups; we know who to call',
        'Backups exist but there is no plan for responding to an attack',
        'We would not know what to do or who to call',
        'We have been attacked before and have not changed our defences since',
      ],
      weakPractice:
        'There is no plan for a cyber attack, so an incident could cause prolonged downtime and data loss.',
      strength: 'A tested cyber incident plan with offline backups, a response partner and insurance.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Write a one-page cyber incident plan',
          action:
            'Record who leads an incident, how to isolate systems, who to call (IT partner, insurer, regulator) and how to contact staff if email is down.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.1,
          strategicImpact: 0.7,
        },
        {
          horizon: '30-90-days',
          title: 'Run phishing training and simulations',
          action:
            'Train all staff on phishing and payment fraud, and run a simulated phishing campaign each quarter, following up with anyone who clicks.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'risk-04',
      domain,
      topic: 'data protection',
      prompt: 'How well do you meet your data protection obligations (UK GDPR or equivalent)?',
      options: [
        'We keep a record of processing, have current privacy notices and contracts with processors, and handle requests within deadlines',
        'Core documents are in place and we handle requests when they arrive',
        'We have a privacy policy but little else',
        'We are not sure what personal data we hold or where it is',
        'We have had a data complaint or breach we did not handle properly',
      ],
      weakPractice:
        'Data protection obligations are not met, exposing the company to fines, complaints and lost customer trust.',
      strength: 'Documented, well-run data protection compliance.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Map the personal data you hold',
          action:
            'List the personal data you collect, why, where it is stored, who can access it and how long it is kept. Delete what you do not need.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Close the documentation gaps',
          action:
            'Update privacy notices, sign data processing agreements with suppliers who handle personal data, and write a procedure for access requests and breaches.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.3,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'risk-05',
      domain,
      topic: 'insurance cover',
      prompt: 'How confident are you that your insurance matches your current risks?',
      options: [
        'A broker reviews our cover every year against our current size and risks, including cyber and liability',
        'Cover is renewed yearly and mostly reviewed',
        'We renew the same policies each year without checking what has changed',
        'We are not sure what we are covered for',
        'A recent claim was rejected or only partly paid because our cover was wrong',
      ],
      weakPractice: 'Insurance has not kept pace with the business, leaving gaps in cover for major risks.',
      strength: 'Insurance cover reviewed annually against the current risk profile.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Ask your broker for a cover review',
          action:
            'Give your broker current revenue, headcount, contracts and risk register, and ask for a written gap analysis covering liability, cyber, business interruption and key person cover.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Align cover with contract requirements',
          action:
            'Check the insurance levels your customer contracts require and make sure your policies meet them before the next renewal.',
          impact: 'low',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.1,
          competitiveImpact: 0.2,
          strategicImpact: 0.3,
        },
      ],
    },
    {
      id: 'risk-06',
      domain,
      topic: 'contract management',
      prompt: 'How well do you control the terms you sign with customers and suppliers?',
      options: [
        'Standard terms with approved fallback positions; all contracts stored centrally with renewal and liability dates tracked',
        'Standard terms for most deals; key contracts are stored and tracked',
        'Contracts are negotiated case by case and stored in various places',
        'We often sign customers’ terms without reviewing liability, payment or termination clauses',
        'We have had disputes or losses because of terms we did not understand',
      ],
      weakPractice:
        'Contracts are signed without review or central tracking, exposing the company to unlimited liability and missed renewals.',
      strength: 'Standard terms, agreed fallback positions and a central contract register.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Create a contract register',
          action:
            'Gather all customer and supplier contracts into one place and record value, term, renewal date, notice period and liability cap for each.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.1,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Write standard terms and a negotiation playbook',
          action:
            'Have a lawyer prepare standard terms plus a short list of acceptable fallback positions, so sales can negotiate without risking unlimited liability.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.3,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'risk-07',
      domain,
      topic: 'customer concentration',
      prompt: 'What share of your revenue comes from your largest customer and your largest five?',
      options: [
        'No customer is over 10% and the top five are under 30% of revenue',
        'The largest customer is 10–15%, the top five under 40%',
        'The largest customer is 15–25% or the top five are 40–60%',
        'The largest customer is over 25% of revenue',
        'Losing one customer would make the business unviable',
      ],
      followUps: [
        {
          id: 'risk-07-f1',
          prompt: 'When does your largest customer’s contract renew, and how secure is it?',
        },
      ],
      weakPractice:
        'Revenue is concentrated in a few customers, so losing one would seriously damage the business.',
      strength: 'A well-spread customer base with no dangerous concentration.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Strengthen the relationship with your largest customers',
          action:
            'Hold an executive review with each of your top three customers to understand their plans, satisfaction and renewal intentions.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.6,
          efficiencyImpact: 0.1,
          competitiveImpact: 0.3,
          strategicImpact: 0.6,
        },
        {
          horizon: 'strategic',
          title: 'Set a concentration reduction target',
          action:
            'Set a target for the largest customer’s share of revenue (for example under 15% within two years) and plan the new-customer growth needed to reach it.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.7,
          efficiencyImpact: 0.1,
          competitiveImpact: 0.3,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'risk-08',
      domain,
      topic: 'general legal compliance',
      prompt:
        'How confident are you that you meet your everyday legal obligations (employment, health and safety, tax, company filings)?',
      options: [
        'Obligations are listed with owners and deadlines, and checked by an adviser each year',
        'We meet the main obligations with help from advisers',
        'We handle obligations as they come up and sometimes miss deadlines',
        'We are unsure of several obligations that apply to us',
        'We have received penalties or warnings in the last year',
      ],
      weakPractice:
        'Everyday legal obligations are not tracked, leading to missed deadlines, penalties and avoidable exposure.',
      strength: 'A tracked compliance calendar with owners, checked by advisers annually.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Build a compliance calendar',
          action:
            'List every recurring legal and filing obligation with its deadline and owner in a shared calendar with reminders.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.1,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Commission an annual compliance health check',
          action:
            'Ask your accountant and an employment or health and safety adviser to review your obligations and practices once a year and report gaps.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.1,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'risk-09',
      domain,
      topic: 'regulatory compliance programme',
      prompt: 'How is compliance with your sector regulator’s requirements organised and monitored?',
      options: [
        'A named compliance lead, a documented framework mapped to each requirement, regular monitoring and a clean regulatory record',
        'A compliance lead and policies in place; monitoring is mostly regular',
        'Policies exist but monitoring is occasional and relies on a few people',
        'We are behind on several regulatory requirements',
        'We have had regulatory findings, warnings or sanctions that are not yet resolved',
      ],
      conditions: ['regulated'],
      followUps: [
        { id: 'risk-09-f1', prompt: 'Which regulatory requirement are you least confident you meet?' },
        {
          id: 'risk-09-f2',
          prompt: 'What have regulators or auditors raised with you in the last two years?',
        },
      ],
      weakPractice:
        'Regulatory compliance is not organised or monitored, putting the company’s licence to operate at risk.',
      strength: 'A named compliance lead and a monitored framework mapped to every regulatory requirement.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Map requirements to owners and evidence',
          action:
            'List each regulatory requirement that applies to you, the policy or control that meets it, the owner and the evidence you would show an inspector. Flag gaps.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.2,
          strategicImpact: 0.8,
        },
        {
          horizon: '30-90-days',
          title: 'Introduce a compliance monitoring plan',
          action:
            'Schedule regular checks of the highest-risk controls, report the results monthly to leadership, and track remediation to closure.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.3,
          strategicImpact: 0.8,
        },
        {
          horizon: 'strategic',
          title: 'Commission an independent compliance review',
          action:
            'Engage a specialist to assess your framework against the regulator’s expectations before the next inspection, and fix the findings.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.2,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.4,
          strategicImpact: 0.9,
        },
      ],
    },
    {
      id: 'risk-10',
      domain,
      topic: 'regulatory change',
      prompt: 'How do you keep up with changes in the regulations that apply to you?',
      options: [
        'We monitor regulatory updates, assess each change’s impact and plan implementation well before it takes effect',
        'Advisers or trade bodies alert us and we usually prepare in time',
        'We hear about changes late and rush to comply',
        'We have missed changes and found out from customers or the regulator',
        'Nobody is responsible for tracking regulatory change',
      ],
      conditions: ['regulated'],
      weakPractice:
        'Regulatory changes are spotted late or missed, leaving the company scrambling or non-compliant.',
      strength: 'Regulatory change is monitored and implemented ahead of deadlines.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Assign regulatory horizon scanning',
          action:
            'Make one person responsible for following regulator publications and trade-body updates, and for reporting relevant changes to leadership monthly.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.3,
          strategicImpact: 0.7,
        },
        {
          horizon: '30-90-days',
          title: 'Keep a regulatory change log',
          action:
            'Record each upcoming change with its effective date, impact, owner and implementation plan, and review progress in the risk meeting.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'risk-11',
      domain,
      topic: 'risk governance',
      prompt: 'How does your board oversee risk?',
      options: [
        'The board sets risk appetite, reviews the risk register and internal control reports at least quarterly',
        'The board reviews major risks a few times a year',
        'Risk comes up at the board only after something goes wrong',
        'The board does not discuss risk',
        'There is no board oversight at all',
      ],
      conditions: ['revenueOver10m'],
      weakPractice:
        'The board does not oversee risk, so major exposures go unchallenged at a size where they matter.',
      strength: 'Board-level risk appetite and quarterly oversight of risks and controls.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Add a risk section to board meetings',
          action:
            'Present the top risks, their trend and actions at every board meeting, and ask the board to agree a short statement of risk appetite.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.1,
          strategicImpact: 0.8,
        },
        {
          horizon: 'strategic',
          title: 'Form an audit and risk committee',
          action:
            'Set up a committee including a non-executive director with finance or risk experience to oversee controls, audit and risk in more depth.',
          impact: 'medium',
          effort: 'high',
          revenueImpact: 0.1,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.2,
          strategicImpact: 0.8,
        },
      ],
    },
  ],
};
