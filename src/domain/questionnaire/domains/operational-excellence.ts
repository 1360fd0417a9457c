import type { DomainDefinition } from '../types';

const domain = 'operational-excellence' as const;

export const operationalExcellence: DomainDefinition = {
  id: domain,
  name: 'Operational Excellence & Process Management',
  description:
    'Whether the way work gets done is written down, measured, automated where it should be, and able to take twice the volume without breaking.',
  questions: [
    {
      id: 'ops-01',
      domain,
      topic: 'documented processes',
      prompt:
        'How much of your core work (delivery, onboarding, billing, support) is written down as a process?',
      options: [
        'All core processes are documented, owned, kept current and used to train new staff',
        'Most core processes are documented, though some are out of date',
        'A few processes are written down; most live in people’s heads',
        'Almost nothing is documented; we rely on experienced staff',
        'When a key person is off, work in their area stops',
      ],
      followUps: [
        { id: 'ops-01-f1', prompt: 'Which process would hurt most if its owner left tomorrow?' },
        { id: 'ops-01-f2', prompt: 'What has stopped you from documenting it so far?' },
      ],
      weakPractice:
        'Core processes live in people’s heads, so quality varies and key-person absences stop work.',
      strength: 'Core processes are documented, owned and used for training.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Document the three most critical processes',
          action:
            'Ask the person who runs each of your three most critical processes to record a screen walkthrough and a one-page checklist. Store them in one shared place.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Give every core process an owner',
          action:
            'Create a process register listing each core process, its owner and when it was last reviewed. Owners review and update their processes every six months.',
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
      id: 'ops-02',
      domain,
      topic: 'quality control',
      prompt: 'How do you make sure the work you deliver to customers is right first time?',
      options: [
        'Defined quality checks at key steps, error rates measured, and fewer than 2% of deliveries need rework',
        'Quality checks exist for most work; rework is occasional',
        'Quality depends on the individual; rework is common but not measured',
        'Customers regularly find our mistakes before we do',
        'Quality problems have cost us customers in the last year',
      ],
      followUps: [
        { id: 'ops-02-f1', prompt: 'What are the most common mistakes customers report?' },
        { id: 'ops-02-f2', prompt: 'Roughly what does rework cost you each month in time or refunds?' },
      ],
      weakPractice:
        'Quality is not checked systematically, so customers find errors and rework eats capacity.',
      strength: 'Built-in quality checks and measured, low rework rates.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Log every error and rework for a month',
          action:
            'Keep a simple log of every mistake, complaint or rework item for four weeks with its cause. Group them and tackle the largest group first.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.3,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Add checkpoints before work reaches the customer',
          action:
            'Introduce a short checklist or peer review at the two or three steps where most errors start, and track the rework rate weekly.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.4,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.5,
          strategicImpact: 0.3,
        },
      ],
    },
    {
      id: 'ops-03',
      domain,
      topic: 'operational bottlenecks',
      prompt: 'How well do you know where work gets stuck in your operation?',
      options: [
        'We measure cycle times at each stage, know the current bottleneck and have a plan to relieve it',
        'We know the main bottleneck and are working on it',
        'We feel where things slow down but have no data',
        'Work regularly piles up and we deal with it by working longer hours',
        'Bottlenecks are causing missed deadlines and lost customers',
      ],
      followUps: [
        { id: 'ops-03-f1', prompt: 'Where does work pile up most often?' },
        { id: 'ops-03-f2', prompt: 'What have you tried so far to clear it?' },
      ],
      weakPractice: 'Bottlenecks are neither measured nor managed, so work piles up and deadlines slip.',
      strength: 'Cycle times are measured and the current bottleneck is known and being relieved.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Map one end-to-end process with timings',
          action:
            'Walk one order or project from request to delivery and note how long it waits at each step. The step with the longest wait is your first bottleneck.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.3,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Protect the bottleneck’s capacity',
          action:
            'Remove non-essential work from the bottleneck team or step, add capacity there first, and make sure work arriving at it is complete and ready.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.5,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.3,
          strategicImpact: 0.4,
        },
      ],
    },
    {
      id: 'ops-04',
      domain,
      topic: 'automation of repetitive work',
      prompt:
        'How much repetitive manual work (re-keying data, copying between systems, manual reports) do your teams do?',
      options: [
        'Very little; we review manual tasks regularly and automate the ones that repeat',
        'Some manual work remains, but the biggest tasks are automated',
        'A noticeable share of the week goes on copying and re-keying',
        'Several people spend most of their time on manual data handling',
        'Growth means hiring more people to do the same manual tasks',
      ],
      weakPractice:
        'Skilled staff spend large parts of the week on manual, repetitive tasks that could be automated.',
      strength: 'Repetitive work is regularly reviewed and automated.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Run a one-week time audit',
          action:
            'Ask each team to note tasks that repeat more than weekly and how long they take. Total the hours and pick the three largest for automation.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.2,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Automate the top three manual tasks',
          action:
            'Use existing system features, integration tools or simple scripts to remove the three largest manual tasks. Measure hours saved and redeploy them.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.9,
          competitiveImpact: 0.3,
          strategicImpact: 0.4,
        },
      ],
    },
    {
      id: 'ops-05',
      domain,
      topic: 'scalability of operations',
      prompt: 'If your sales doubled over the next year, how would your operations cope?',
      options: [
        'We have modelled it: systems and processes would cope, with known, planned hires',
        'We would cope with some strain and a few targeted hires',
        'We would need to hire roughly in proportion to volume',
        'Quality and delivery would break down well before volume doubled',
        'We are already struggling with current volume',
      ],
      weakPractice:
        'Operations scale only by adding people in proportion to volume, so growth erodes margin.',
      strength: 'Operations have been modelled to handle double the volume with planned, limited hiring.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Model operations at twice the volume',
          action:
            'For each team, estimate the workload at double today’s volume and identify which processes, systems or roles would break first. Prioritise fixes by how soon they will bite.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.4,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.3,
          strategicImpact: 0.7,
        },
        {
          horizon: 'strategic',
          title: 'Redesign the highest-volume process for scale',
          action:
            'Rebuild the process that grows most with volume (for example onboarding or fulfilment) around self-service, standard packages or automation, so cost per unit falls as you grow.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.5,
          efficiencyImpact: 0.9,
          competitiveImpact: 0.5,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'ops-06',
      domain,
      topic: 'operational metrics',
      prompt: 'How do you measure whether operations are running well day to day?',
      options: [
        'A small set of operational measures (volume, cycle time, quality, cost per unit) reviewed weekly by each team',
        'Some operational measures are reviewed monthly',
        'We measure output but not time, quality or cost',
        'We rely on complaints and gut feel',
        'Nobody measures operational performance',
      ],
      weakPractice: 'Operations are not measured, so problems are found through complaints rather than data.',
      strength: 'Weekly review of a focused set of operational measures.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Choose four measures per team',
          action:
            'Ask each operational team to choose four measures covering volume, speed, quality and cost, and review them in a 15-minute weekly huddle.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
        {
          horizon: '30-90-days',
          title: 'Build an operations dashboard',
          action:
            'Pull the chosen measures into one dashboard updated automatically, with targets and red/amber/green thresholds, visible to the whole company.',
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
      id: 'ops-07',
      domain,
      topic: 'handoffs between teams',
      prompt:
        'How smoothly does work pass between teams (for example sales to delivery, delivery to finance)?',
      options: [
        'Handoffs follow a defined checklist with the information needed, and rarely need rework',
        'Handoffs usually work, with occasional missing information',
        'Handoffs rely on individual effort; things are often lost or repeated',
        'Teams blame each other for dropped work and customers notice',
        'There are no defined handoffs; customers chase us to find out who owns their request',
      ],
      weakPractice: 'Work is dropped or repeated at handoffs between teams, and customers feel the gaps.',
      strength: 'Defined handoff checklists that carry complete information between teams.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Write a sales-to-delivery handoff checklist',
          action:
            'Agree with both teams the information delivery needs before a new customer starts (scope, contacts, dates, commitments made) and make the checklist part of closing the deal.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Track handoffs in one system',
          action:
            'Move handoffs from email to a shared system (CRM, ticketing or project tool) so every request has an owner and a status visible to both teams.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.3,
        },
      ],
    },
    {
      id: 'ops-08',
      domain,
      topic: 'continuous improvement',
      prompt: 'When something goes wrong operationally, what happens next?',
      options: [
        'We run a short blameless review, find the root cause and track the fix to completion',
        'We usually discuss the cause and fix it',
        'We fix the immediate problem and move on',
        'The same problems keep coming back',
        'Problems are hidden or blamed on individuals',
      ],
      weakPractice:
        'Operational failures are patched rather than fixed at the root, so the same problems recur.',
      strength: 'Blameless root-cause reviews with tracked fixes.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Introduce a five-question incident review',
          action:
            'After any significant failure, answer five questions within a week: what happened, impact, root cause, fix, and how we will know it worked. Share the note with the team.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.3,
        },
        {
          horizon: 'strategic',
          title: 'Set up a monthly improvement forum',
          action:
            'Hold a monthly meeting where teams bring their top recurring problem, agree one improvement each, and report back on last month’s actions.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.3,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'ops-09',
      domain,
      topic: 'project delivery and utilisation',
      prompt:
        'How well do you deliver client projects on time, on budget and with healthy staff utilisation?',
      options: [
        'Over 90% of projects land on time and budget; utilisation is tracked weekly and sits in a planned range',
        'Most projects land on time and budget; utilisation is tracked monthly',
        'Overruns are common; utilisation is estimated rather than measured',
        'We regularly write off time because of scope creep and poor estimates',
        'We do not know which projects make or lose money',
      ],
      conditions: ['services'],
      followUps: [{ id: 'ops-09-f1', prompt: 'How much time did you write off on projects last quarter?' }],
      weakPractice:
        'Client projects overrun and time is written off, because scope, estimates and utilisation are not controlled.',
      strength: 'Projects delivered on time and budget with tracked, planned utilisation.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Start a change-request rule',
          action:
            'Any work outside the agreed scope needs a written change request with a price before it starts. Brief project leads and clients on the rule this month.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.7,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.1,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Track utilisation and project margin weekly',
          action:
            'Require weekly time entries against projects, and report utilisation per person and margin per project every Monday to project leads.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.6,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
      ],
    },
    {
      id: 'ops-10',
      domain,
      topic: 'process consistency across teams and sites',
      prompt: 'As you have grown, how consistent are processes across teams, offices or sites?',
      options: [
        'One standard way of working for each core process, with local variations agreed and documented',
        'Mostly consistent, with a few unmanaged differences',
        'Each team or site does things its own way',
        'Differences cause errors and confusion when work moves between teams',
        'Nobody has an overview of how work is done across the company',
      ],
      conditions: ['over100Employees'],
      weakPractice:
        'Processes differ between teams and sites, causing errors and making improvement hard to spread.',
      strength: 'Standard core processes across teams, with managed local variation.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Agree a standard for the highest-volume process',
          action:
            'Bring process owners from each team or site together to agree one standard for the highest-volume process, and roll it out with training.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
        {
          horizon: 'strategic',
          title: 'Create a small operational excellence function',
          action:
            'Appoint a lead for process improvement who maintains standards, runs improvement projects and shares good practice across teams.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.3,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.3,
          strategicImpact: 0.6,
        },
      ],
    },
  ],
};
