/** The tier benefits' cocreation actions (issue 18). */
export const benefitsCocreationContract = {} as const;
