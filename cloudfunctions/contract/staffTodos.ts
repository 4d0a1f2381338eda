/** The staff assistant's todos actions (issue 17). */
export const staffTodosContract = {} as const;
