import type { DomainDefinition } from '../types';

const domain = 'people-organization' as const;

export const peopleOrganization: DomainDefinition = {
  id: domain,
  name: 'People & Organizational Development',
  description:
    'Whether the company can hire the right people quickly, keep them, grow its own leaders, and give everyone a clear role and a culture that works at the next size.',
  questions: [
    {
      id: 'ppl-01',
      domain,
      topic: 'hiring speed',
      prompt: 'How long does it take to fill a key role, from approval to the person starting?',
      options: [
        'Under six weeks for most roles, with a defined process and a bench of warm candidates',
        'Six to ten weeks for most roles',
        'Three to four months; roles often stay open longer than planned',
        'Key roles stay open for many months and the work piles up on others',
        'We often cannot fill key roles at all',
      ],
      followUps: [
        { id: 'ppl-01-f1', prompt: 'Which role has been hardest to fill, and what have you tried?' },
        { id: 'ppl-01-f2', prompt: 'What does an unfilled key role cost you each month?' },
      ],
      weakPractice: 'Key roles take months to fill, so growth plans stall and existing staff are overloaded.',
      strength: 'Key roles are filled in under six weeks through a defined hiring process.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Set a hiring timetable for every open role',
          action:
            'For each open role, agree dates for shortlist, interviews and offer, block interviewers’ diaries in advance, and review progress weekly in the leadership meeting.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Build a standing candidate pipeline',
          action:
            'For roles you hire repeatedly, keep talking to good candidates between openings, run an employee referral scheme and maintain a shortlist you can call on.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.4,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.4,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'ppl-02',
      domain,
      topic: 'hiring quality',
      prompt: 'How often do your hires turn out to be the right person for the role?',
      options: [
        'Nine in ten hires succeed; we use a scorecard and structured interviews for every role',
        'Most hires succeed; interviews follow a rough structure',
        'Results are mixed; interviews vary by interviewer',
        'We regularly have to let new hires go within their first year',
        'We hire whoever is available and hope it works',
      ],
      weakPractice: 'Hiring relies on unstructured interviews, so too many hires fail in their first year.',
      strength: 'Scorecard-based, structured hiring with a high success rate.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Write a scorecard before opening a role',
          action:
            'For every new role, write the three to five outcomes the person must achieve in their first year and the skills needed, and assess every candidate against them.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.3,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Introduce structured interviews and a work sample',
          action:
            'Give each interviewer specific areas to assess with set questions, add a short practical task, and hold a debrief where everyone scores before discussing.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.3,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.4,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'ppl-03',
      domain,
      topic: 'retention of key people',
      prompt: 'How well do you keep the people you most want to keep?',
      options: [
        'Regretted leavers are under 5% a year; we know who is at risk and act early',
        'Regretted leavers are 5–10% a year',
        'We lose good people every year and usually only find out why in the exit interview',
        'Regretted leavers are over 20% a year, or several key people left recently',
        'Losing a few specific people would put the business at serious risk, and some are restless',
      ],
      followUps: [
        { id: 'ppl-03-f1', prompt: 'Why did the last two good people you lost leave?' },
        {
          id: 'ppl-03-f2',
          prompt: 'What has it cost you to replace them (recruitment, lost work, customers)?',
        },
      ],
      weakPractice: 'Good people leave at a high rate and the company only learns why after they have gone.',
      strength: 'Low regretted attrition, with flight risks spotted and addressed early.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Hold stay conversations with key people',
          action:
            'Have each manager meet their most important people one to one this month and ask what keeps them, what might make them leave, and what they want next.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.3,
          strategicImpact: 0.6,
        },
        {
          horizon: '30-90-days',
          title: 'Benchmark pay for critical roles',
          action:
            'Compare salaries for your most critical and hardest-to-replace roles with current market data and correct the largest gaps.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.4,
          strategicImpact: 0.5,
        },
        {
          horizon: 'strategic',
          title: 'Create visible career paths',
          action:
            'Define progression levels for your main job families with what is expected at each, so people can see how to grow without leaving.',
          impact: 'medium',
          effort: 'high',
          revenueImpact: 0.2,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.4,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'ppl-04',
      domain,
      topic: 'leadership pipeline',
      prompt: 'If a senior leader left tomorrow, who would step up?',
      options: [
        'Each senior role has a named successor who is being actively developed',
        'Most senior roles have someone who could cover for a while',
        'A few roles have cover; the rest would need an external hire',
        'Nobody is ready; the founder would take the work back',
        'Several areas depend entirely on one person, and losing them would stop that part of the business',
      ],
      followUps: [{ id: 'ppl-04-f1', prompt: 'Which single departure would hurt the business most?' }],
      weakPractice:
        'There is no leadership pipeline, so the loss of one senior person falls back on the founder.',
      strength: 'Named, developing successors for senior roles.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Map single points of failure',
          action:
            'List every senior and specialist role, mark who could cover each one, and rate the risk. Share the list with the leadership team and agree the top three to address.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
        {
          horizon: 'strategic',
          title: 'Run a leadership development programme',
          action:
            'Pick four to eight high-potential people, give them stretch projects, a mentor from the leadership team and management training over six to twelve months.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.3,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.4,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'ppl-05',
      domain,
      topic: 'role clarity',
      prompt: 'How clear is everyone about what they own and who decides what?',
      options: [
        'Every role has a current description of outcomes, and decision rights are written down',
        'Most people know what they own; a few areas overlap',
        'Responsibilities are understood informally and often overlap',
        'Work falls between roles or is done twice; people are unsure who decides',
        'Everything escalates to the founder because nobody else is sure they can decide',
      ],
      weakPractice:
        'Roles and decision rights are unclear, so work falls through gaps and decisions pile up at the top.',
      strength: 'Clear role outcomes and written decision rights.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Write outcome statements for each leadership role',
          action:
            'Have each leader write three to five outcomes they own and the decisions they can make alone. Resolve overlaps in one leadership session.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Publish a decision-rights matrix',
          action:
            'For the twenty most common decisions (pricing, hiring, spend, customer exceptions), record who decides, who is consulted and who is informed, and publish it.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.2,
          strategicImpact: 0.6,
        },
      ],
    },
    {
      id: 'ppl-06',
      domain,
      topic: 'performance management',
      prompt: 'How do you set expectations and deal with performance, both good and poor?',
      options: [
        'Clear goals, regular one-to-ones, twice-yearly reviews, and underperformance handled within weeks',
        'Regular one-to-ones and an annual review; most issues are handled',
        'Reviews happen irregularly; poor performance is tolerated for a long time',
        'No reviews or one-to-ones; feedback happens only when something goes wrong',
        'Known poor performers have been in post for years and others resent it',
      ],
      weakPractice:
        'Performance is not managed, so poor performance lingers and strong performers feel unrecognised.',
      strength: 'Regular one-to-ones and reviews, with underperformance addressed promptly.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Start fortnightly one-to-ones',
          action:
            'Require every manager to hold a 30-minute one-to-one with each direct report every two weeks, covering goals, blockers and feedback.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Introduce a simple review cycle',
          action:
            'Run a twice-yearly review against the person’s goals and the company values, with a short written summary and agreed development actions.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'ppl-07',
      domain,
      topic: 'culture and engagement',
      prompt: 'How well do you understand how your people feel about working here?',
      options: [
        'We survey engagement at least twice a year, share results and act on them; scores are strong',
        'We survey occasionally and results are broadly positive',
        'We rely on informal conversations to judge morale',
        'There are signs of low morale (complaints, sick days, quiet disengagement)',
        'The culture has turned negative and it is affecting customers',
      ],
      weakPractice:
        'Engagement is not measured and morale problems surface only when they affect work or customers.',
      strength: 'Regular engagement surveys, acted upon, with strong results.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Run a short anonymous pulse survey',
          action:
            'Ask everyone five to ten questions anonymously (workload, manager, clarity, growth, would you recommend working here). Share the results and three actions within a month.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
        {
          horizon: '30-90-days',
          title: 'Write down the behaviours that make you succeed',
          action:
            'Agree four or five values described as observable behaviours, use them in hiring and reviews, and recognise people who live them.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.1,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.3,
          strategicImpact: 0.6,
        },
      ],
    },
    {
      id: 'ppl-08',
      domain,
      topic: 'management capability',
      prompt: 'How prepared are your managers to lead their teams?',
      options: [
        'All managers have had management training and are coached; their teams rate them well',
        'Most managers have some training or experience',
        'Managers were promoted for technical skill and learn on the job',
        'Several managers struggle and their teams show it (turnover, missed goals)',
        'We have no real management layer; everyone reports to the founders',
      ],
      weakPractice:
        'Managers were promoted for technical skill and are left untrained, so team performance suffers.',
      strength: 'Trained, coached managers whose teams rate them well.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Run a core management skills course',
          action:
            'Give every manager practical training in one-to-ones, delegation, feedback and difficult conversations, spread over a few short sessions with practice in between.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.6,
        },
        {
          horizon: 'strategic',
          title: 'Add upward feedback for managers',
          action:
            'Ask each manager’s team to rate them anonymously twice a year and use the results in their development plan.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'ppl-09',
      domain,
      topic: 'onboarding during rapid hiring',
      prompt: 'With headcount growing fast, how do new starters get up to speed?',
      options: [
        'A structured onboarding plan for every role, with a buddy and checkpoints at 30, 60 and 90 days',
        'A standard first week, then learning on the job with support',
        'Onboarding depends on how busy the manager is',
        'New starters are left to find their own way and it takes months to become productive',
        'New starters are leaving within months because of poor onboarding',
      ],
      conditions: ['rapidGrowth'],
      followUps: [
        { id: 'ppl-09-f1', prompt: 'What do new starters say is the hardest part of their first month?' },
      ],
      weakPractice:
        'New starters are not onboarded systematically, so rapid hiring produces slow, costly ramp-up.',
      strength: 'Structured onboarding with buddies and 30/60/90-day checkpoints.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Create a first-two-weeks checklist',
          action:
            'Write one checklist covering equipment, access, introductions, required reading and first tasks, and give every new starter a buddy from another team.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.1,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Add 30/60/90-day goals for new starters',
          action:
            'Set clear goals for each new starter’s first 90 days and hold a short review at each checkpoint to catch problems early.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.3,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
      ],
    },
    {
      id: 'ppl-10',
      domain,
      topic: 'people function and pay framework',
      prompt: 'How well established are your people function, policies and pay framework?',
      options: [
        'A dedicated people lead, current policies and a pay framework with bands that is applied consistently',
        'Core policies exist and pay decisions follow rough guidelines',
        'HR is handled part-time by someone with another job; pay is set case by case',
        'Policies are missing or out of date; pay differences cause complaints',
        'We have had employment disputes or claims that better policies would have prevented',
      ],
      conditions: ['over50Employees'],
      weakPractice:
        'People policies and pay are improvised, creating unfairness, disputes and legal exposure at this size.',
      strength: 'A dedicated people lead, current policies and a consistent pay framework.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Bring policies up to date',
          action:
            'Review the employee handbook and contracts with an employment adviser, covering leave, conduct, grievance, flexible working and data protection.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.1,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.1,
          strategicImpact: 0.5,
        },
        {
          horizon: 'strategic',
          title: 'Introduce pay bands',
          action:
            'Group roles into levels, set pay ranges for each from market data, and use them for every hire and pay review.',
          impact: 'medium',
          effort: 'high',
          revenueImpact: 0.1,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.4,
          strategicImpact: 0.6,
        },
      ],
    },
  ],
};
