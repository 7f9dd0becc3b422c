/** Dialog ids, in one place so that routing and registration cannot drift apart. */
export const DialogIds = {
  main: 'main',
  menuPrompt: 'menuPrompt',
  choicePrompt: 'choicePrompt',
  spotSigns: 'spotSigns',
  askQuestion: 'askQuestion',
  reportConcern: 'reportConcern',
  reportFollowUp: 'reportFollowUp',
  helpNow: 'helpNow',
  aboutYou: 'aboutYou',
} as const;
