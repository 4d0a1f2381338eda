import type { ProductCard } from '../../../../../cloudfunctions/contract/style';
import type { QuizAnswers, QuizStep } from '../../../../../cloudfunctions/contract/styleQuiz';
import { BoardsStep } from './BoardsStep';
import { ColourStep } from './ColourStep';
import { FitStep } from './FitStep';
import { LikesStep } from './LikesStep';
import { PricesStep } from './PricesStep';
import { ScenesStep } from './ScenesStep';
import { SizesStep } from './SizesStep';

/** One step of the quiz, drawn for its kind. */
export function StepView({ step, answers, onAnswer, pictures }: { step: QuizStep; answers: QuizAnswers; onAnswer: (patch: QuizAnswers) => void; pictures: Record<string, ProductCard[]> }) {
  switch (step.kind) {
    case 'boards':
      return <BoardsStep step={step} answers={answers} onAnswer={onAnswer} pictures={pictures} />;
    case 'colour':
      return <ColourStep step={step} answers={answers} onAnswer={onAnswer} />;
    case 'likes':
      return <LikesStep step={step} answers={answers} onAnswer={onAnswer} />;
    case 'scenes':
      return <ScenesStep step={step} answers={answers} onAnswer={onAnswer} />;
    case 'fit':
      return <FitStep step={step} answers={answers} onAnswer={onAnswer} />;
    case 'sizes':
      return <SizesStep step={step} answers={answers} onAnswer={onAnswer} />;
    case 'prices':
      return <PricesStep step={step} answers={answers} onAnswer={onAnswer} />;
  }
}
